using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace Pipeline.Storage.Postgres;

/// <summary>Records jobs and their progress, and lists the unfinished ones for an orchestrator that restarts.
/// </summary>
public sealed class JobRepository
{
    private const string InsertSql = """
        INSERT INTO jobs (id, source, model_id, tasks) VALUES (@job, @source, @model, @tasks)
        ON CONFLICT (id) DO NOTHING
        """;

    private const string ListUnfinishedSql =
        $"SELECT {JobSql.Columns} FROM jobs WHERE state IN ('created', 'running') ORDER BY created_at, id";

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;

    /// <summary>Creates the repository over a data source.</summary>
    public JobRepository(NpgsqlDataSource dataSource, ILogger<JobRepository>? logger = null)
    {
        _dataSource = dataSource;
        _logger = logger ?? NullLogger<JobRepository>.Instance;
    }

    /// <summary>Records a job; returns false when a job with its identifier was already recorded.</summary>
    public async Task<bool> CreateAsync(JobDefinition job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentException.ThrowIfNullOrWhiteSpace(job.Source, nameof(job));

        await using var command = _dataSource.CreateCommand(InsertSql);
        command.Parameters.AddWithValue("job", job.Id);
        command.Parameters.AddWithValue("source", job.Source);
        command.Parameters.AddWithValue("model", job.ModelId);
        command.Parameters.AddWithValue("tasks", NpgsqlDbType.Jsonb, job.TasksJson);
        var created = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        if (created)
        {
            PostgresLog.JobCreated(_logger, job.Id);
        }

        return created;
    }

    /// <summary>Returns a job's progress, or null when no job has that identifier.</summary>
    public async Task<JobProgress?> GetAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(JobSql.SelectById);
        command.Parameters.AddWithValue("job", jobId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? JobSql.Read(reader) : null;
    }

    /// <summary>Lists the jobs that are created or running, oldest first: the ones to resume after a restart.
    /// </summary>
    public async Task<IReadOnlyList<JobProgress>> ListUnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(ListUnfinishedSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var jobs = new List<JobProgress>();
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(JobSql.Read(reader));
        }

        return jobs;
    }

    /// <summary>
    /// Records that every batch of the job is known; the job completes now if none is pending, or else with its
    /// last batch.
    /// </summary>
    public Task<JobProgress> CompleteListingAsync(Guid jobId, CancellationToken cancellationToken) =>
        RunAsync(
            jobId,
            "UPDATE jobs SET listing_complete = true, updated_at = now() WHERE id = @job",
            updateChangesState: false,
            cancellationToken);

    /// <summary>Stops an unfinished job as failed or cancelled; a finished job keeps its state.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The state is neither failed nor cancelled.</exception>
    public Task<JobProgress> StopAsync(Guid jobId, JobState state, CancellationToken cancellationToken)
    {
        if (state is not (JobState.Failed or JobState.Cancelled))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "A job is stopped as failed or cancelled.");
        }

        return RunAsync(
            jobId,
            $"""
            UPDATE jobs SET state = '{StorageText.From(state)}', updated_at = now()
            WHERE id = @job AND state IN ('created', 'running')
            """,
            updateChangesState: true,
            cancellationToken);
    }

    private async Task<JobProgress> RunAsync(
        Guid jobId,
        string updateSql,
        bool updateChangesState,
        CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                JobSql.Command(updateSql, jobId),
                JobSql.Command(JobSql.CompleteIfFinished, jobId),
                JobSql.Command(JobSql.SelectById, jobId),
            },
        };
        var (job, completed) = await JobSql.RunAsync(batch, completionCommandIndex: 1, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (completed || (updateChangesState && batch.BatchCommands[0].RecordsAffected == 1))
        {
            PostgresLog.JobStateChanged(_logger, jobId, job.State);
        }

        return job;
    }
}
