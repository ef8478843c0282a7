using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Pipeline.Storage.Postgres;

/// <summary>
/// Records a job's batches and their completions. A batch is counted once however often it is delivered, so the
/// job's counters stay right under at-least-once messaging.
/// </summary>
public sealed class BatchRepository
{
    private const string AddSql = """
        WITH added AS (
            INSERT INTO batches (job_id, batch_index, image_count)
            SELECT @job, batch_index, image_count FROM unnest(@indexes, @counts) AS t(batch_index, image_count)
            ON CONFLICT (job_id, batch_index) DO NOTHING
            RETURNING image_count
        )
        UPDATE jobs SET
            batch_count = batch_count + (SELECT count(*) FROM added),
            images_total = images_total + (SELECT COALESCE(sum(image_count), 0) FROM added),
            state = CASE WHEN state = 'created' THEN 'running' ELSE state END,
            updated_at = now()
        WHERE id = @job
        RETURNING (SELECT count(*) FROM added)
        """;

    private const string LockSql = """
        SELECT state FROM batches WHERE job_id = @job AND batch_index = @batch FOR UPDATE
        """;

    private const string DoneSql = """
        UPDATE batches SET state = 'done', done_count = @done, failed_count = @failed, reason = NULL,
            completed_at = now()
        WHERE job_id = @job AND batch_index = @batch
        """;

    private const string CountDoneSql = """
        UPDATE jobs SET batches_done = batches_done + 1, batches_failed = batches_failed - @was_failed,
            images_done = images_done + @done, images_failed = images_failed + @failed, updated_at = now()
        WHERE id = @job
        """;

    private const string FailedSql = """
        UPDATE batches SET state = 'failed', reason = @reason, completed_at = now()
        WHERE job_id = @job AND batch_index = @batch
        """;

    private const string CountFailedSql = """
        UPDATE jobs SET batches_failed = batches_failed + 1, updated_at = now() WHERE id = @job
        """;

    private const string ListSql = """
        SELECT batch_index, state, image_count, done_count, failed_count, reason FROM batches
        WHERE job_id = @job AND state = @state ORDER BY batch_index
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;

    /// <summary>Creates the repository over a data source.</summary>
    public BatchRepository(NpgsqlDataSource dataSource, ILogger<BatchRepository>? logger = null)
    {
        _dataSource = dataSource;
        _logger = logger ?? NullLogger<BatchRepository>.Instance;
    }

    /// <summary>
    /// Records planned batches of a job and adds them to its totals; batches already recorded are skipped, so a
    /// resumed listing may record a page again. Returns how many batches were new.
    /// </summary>
    public async Task<int> AddAsync(Guid jobId, IReadOnlyList<BatchPlan> batches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batches);
        await using var command = _dataSource.CreateCommand(AddSql);
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.Add(new NpgsqlParameter<int[]>("indexes", batches.Select(b => b.Index).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int[]>("counts", batches.Select(b => b.ImageCount).ToArray()));
        return await command.ExecuteScalarAsync(cancellationToken) is long added
            ? (int)added
            : throw new InvalidOperationException($"Job {jobId} is not recorded.");
    }

    /// <summary>
    /// Records that a batch completed with the given image counts. A second report of the same batch changes
    /// nothing and returns <c>Counted = false</c>; a batch that had failed as a whole and then completes moves
    /// from the failed to the done count.
    /// </summary>
    public Task<BatchCompletion> MarkDoneAsync(
        Guid jobId,
        int batchIndex,
        int doneCount,
        int failedCount,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(doneCount);
        ArgumentOutOfRangeException.ThrowIfNegative(failedCount);
        return ReportAsync(
            jobId,
            batchIndex,
            previous => previous != BatchState.Done,
            previous =>
            [
                WithCounts(DoneSql, jobId, batchIndex, doneCount, failedCount),
                WithCounts(CountDoneSql, jobId, batchIndex, doneCount, failedCount, previous == BatchState.Failed),
            ],
            cancellationToken);
    }

    /// <summary>
    /// Records that a batch failed as a whole after its retries. Only a pending batch changes: a done or already
    /// failed batch returns <c>Counted = false</c>.
    /// </summary>
    public Task<BatchCompletion> MarkFailedAsync(
        Guid jobId,
        int batchIndex,
        string reason,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return ReportAsync(
            jobId,
            batchIndex,
            previous => previous == BatchState.Pending,
            _ =>
            [
                ForBatch(FailedSql, jobId, batchIndex, ("reason", reason)),
                JobSql.Command(CountFailedSql, jobId),
            ],
            cancellationToken);
    }

    /// <summary>Lists a job's batches in one state, by index: the pending ones are those to publish again.</summary>
    public async Task<IReadOnlyList<BatchRecord>> ListAsync(
        Guid jobId,
        BatchState state,
        CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(ListSql);
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.AddWithValue("state", StorageText.From(state));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var batches = new List<BatchRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            batches.Add(new BatchRecord(
                jobId,
                reader.GetInt32(0),
                StorageText.To<BatchState>(reader.GetString(1)),
                reader.GetInt32(2),
                reader.GetInt32(3),
                reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return batches;
    }

    private async Task<BatchCompletion> ReportAsync(
        Guid jobId,
        int batchIndex,
        Func<BatchState, bool> changes,
        Func<BatchState, NpgsqlBatchCommand[]> updates,
        CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The row lock makes a concurrent second report wait, then see the first one's state and count nothing.
        var previous = await LockAsync(connection, jobId, batchIndex, cancellationToken);
        var counted = changes(previous);
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (counted)
        {
            foreach (var update in updates(previous))
            {
                batch.BatchCommands.Add(update);
            }
        }
        else
        {
            PostgresLog.BatchAlreadyCounted(_logger, batchIndex, jobId, previous);
        }

        var completionIndex = batch.BatchCommands.Count;
        batch.BatchCommands.Add(JobSql.Command(JobSql.CompleteIfFinished, jobId));
        batch.BatchCommands.Add(JobSql.Command(JobSql.SelectById, jobId));
        var (job, completed) = await JobSql.RunAsync(batch, completionIndex, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (completed)
        {
            PostgresLog.JobStateChanged(_logger, jobId, job.State);
        }

        return new BatchCompletion(counted, job);
    }

    private static async Task<BatchState> LockAsync(
        NpgsqlConnection connection,
        Guid jobId,
        int batchIndex,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(LockSql, connection);
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.AddWithValue("batch", batchIndex);
        return await command.ExecuteScalarAsync(cancellationToken) is string state
            ? StorageText.To<BatchState>(state)
            : throw new InvalidOperationException($"Batch {batchIndex} of job {jobId} is not recorded.");
    }

    private static NpgsqlBatchCommand WithCounts(
        string sql,
        Guid jobId,
        int batchIndex,
        int doneCount,
        int failedCount,
        bool wasFailed = false) =>
        ForBatch(
            sql,
            jobId,
            batchIndex,
            ("done", doneCount),
            ("failed", failedCount),
            ("was_failed", wasFailed ? 1 : 0));

    private static NpgsqlBatchCommand ForBatch(
        string sql,
        Guid jobId,
        int batchIndex,
        params (string Name, object Value)[] parameters)
    {
        var command = JobSql.Command(sql, jobId);
        command.Parameters.AddWithValue("batch", batchIndex);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
