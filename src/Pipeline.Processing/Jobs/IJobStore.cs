using Pipeline.Contracts;

namespace Pipeline.Processing.Jobs;

/// <summary>Records jobs and their batches: in memory in the embedded mode, in PostgreSQL when distributed.</summary>
public interface IJobStore
{
    /// <summary>Records a new job.</summary>
    Task CreateJobAsync(JobSubmitted job, CancellationToken cancellationToken);

    /// <summary>Records one published batch with its images, so an interrupted job can be resumed.</summary>
    Task RecordBatchAsync(EmbedImageBatch batch, CancellationToken cancellationToken);

    /// <summary>The listing of a job is complete.</summary>
    Task MarkListedAsync(Guid jobId, CancellationToken cancellationToken);

    /// <summary>
    /// Counts a batch completion. Returns false, changing nothing, when the batch was already counted.
    /// </summary>
    Task<bool> CompleteBatchAsync(ImageBatchEmbedded completion, CancellationToken cancellationToken);

    /// <summary>
    /// Counts a batch that failed as a whole after its retries. Returns false, changing nothing, when the batch
    /// was already counted.
    /// </summary>
    Task<bool> FailBatchAsync(
        Guid jobId,
        int batchIndex,
        int imageCount,
        string reason,
        CancellationToken cancellationToken);

    /// <summary>The indexes of the job's batches that have completed, for a resumed listing to skip.</summary>
    Task<IReadOnlySet<int>> GetCompletedBatchesAsync(Guid jobId, CancellationToken cancellationToken);

    /// <summary>Jobs that were submitted and have not finished, as submitted, for an orchestrator to resume.</summary>
    Task<IReadOnlyList<JobSubmitted>> ListUnfinishedAsync(CancellationToken cancellationToken);

    /// <summary>Where the job stands, or null for an unknown job.</summary>
    Task<JobProgress?> GetProgressAsync(Guid jobId, CancellationToken cancellationToken);
}
