namespace Pipeline.Storage.Results;

/// <summary>Where a job's results go: files in the embedded mode, PostgreSQL in the distributed one.</summary>
public interface IResultSink
{
    /// <summary>Writes one batch. Writing the same batch twice leaves one copy of each result.</summary>
    Task WriteBatchAsync(BatchResult batch, CancellationToken cancellationToken);

    /// <summary>Flushes and closes whatever the sink holds open for the job.</summary>
    Task CompleteJobAsync(Guid jobId, CancellationToken cancellationToken);
}
