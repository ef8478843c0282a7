using Npgsql;

namespace Pipeline.Storage.Postgres.Curation;

/// <summary>
/// Re-embedding runs: each takes a snapshot of the images that lack an embedding of its model, and lists that
/// snapshot page by page. At most one run per model is under way at a time.
/// </summary>
public sealed class ReembedRunRepository
{
    // Key of the advisory locks that serialise starts of runs, one per model.
    private const int StartLockClass = 0x72656D;

    // A run whose job is unfinished, or whose job has not been recorded yet and was started recently (the job row
    // appears once the orchestrator takes the submission; a run without one after that is abandoned).
    private const string RunningSql = """
        SELECT r.job_id FROM reembed_runs r LEFT JOIN jobs j ON j.id = r.job_id
        WHERE r.model_id = @model
          AND (j.state IN ('created', 'running') OR (j.id IS NULL AND r.created_at > now() - @grace))
        LIMIT 1
        """;

    private const string SnapshotSql = """
        INSERT INTO reembed_images (job_id, image_id, source_uri)
        SELECT @job, i.id, i.source_uri FROM images i
        WHERE NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.image_id = i.id AND e.model_id = @model)
        """;

    private const string PageSql = """
        SELECT image_id, source_uri FROM reembed_images
        WHERE job_id = @job AND image_id > @after ORDER BY image_id LIMIT @page
        """;

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates the repository over a data source.</summary>
    public ReembedRunRepository(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <summary>
    /// Starts a run for the model under <paramref name="jobId"/> with a snapshot of the images that lack its
    /// embedding. Returns null when a run of the model is under way; a run with no image is not kept.
    /// </summary>
    public async Task<ReembedRun?> TryStartAsync(
        ModelRecord model,
        Guid jobId,
        TimeSpan grace,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand(
            $"SELECT pg_advisory_xact_lock({StartLockClass}, @model)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("model", model.Id);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var running = new NpgsqlCommand(RunningSql, connection, transaction))
        {
            running.Parameters.AddWithValue("model", model.Id);
            running.Parameters.AddWithValue("grace", grace);
            if (await running.ExecuteScalarAsync(cancellationToken) is Guid)
            {
                return null;
            }
        }

        await using (var run = new NpgsqlCommand(
            "INSERT INTO reembed_runs (job_id, model_id) VALUES (@job, @model)", connection, transaction))
        {
            run.Parameters.AddWithValue("job", jobId);
            run.Parameters.AddWithValue("model", model.Id);
            await run.ExecuteNonQueryAsync(cancellationToken);
        }

        int count;
        await using (var snapshot = new NpgsqlCommand(SnapshotSql, connection, transaction))
        {
            snapshot.Parameters.AddWithValue("job", jobId);
            snapshot.Parameters.AddWithValue("model", model.Id);
            count = await snapshot.ExecuteNonQueryAsync(cancellationToken);
        }

        if (count == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new ReembedRun(jobId, model.Id, 0);
        }

        await using (var total = new NpgsqlCommand(
            "UPDATE reembed_runs SET image_count = @count WHERE job_id = @job", connection, transaction))
        {
            total.Parameters.AddWithValue("count", count);
            total.Parameters.AddWithValue("job", jobId);
            await total.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new ReembedRun(jobId, model.Id, count);
    }

    /// <summary>Up to <paramref name="pageSize"/> images of the run's snapshot after
    /// <paramref name="afterImageId"/>, by image identifier: the same pages every time.</summary>
    public async Task<IReadOnlyList<(long ImageId, string SourceUri)>> ListPageAsync(
        Guid jobId,
        long afterImageId,
        int pageSize,
        CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(PageSql);
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.AddWithValue("after", afterImageId);
        command.Parameters.AddWithValue("page", pageSize);
        var page = new List<(long, string)>(pageSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return page;
    }

    /// <summary>True when the run is recorded (its snapshot exists).</summary>
    public async Task<bool> ExistsAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT 1 FROM reembed_runs WHERE job_id = @job");
        command.Parameters.AddWithValue("job", jobId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>Deletes the snapshots of finished runs and of runs abandoned before their job was recorded.
    /// </summary>
    public async Task<int> DeleteFinishedAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("""
            DELETE FROM reembed_runs r
            WHERE EXISTS (SELECT 1 FROM jobs j WHERE j.id = r.job_id AND j.state NOT IN ('created', 'running'))
               OR (NOT EXISTS (SELECT 1 FROM jobs j WHERE j.id = r.job_id) AND r.created_at < now() - @grace)
            """);
        command.Parameters.AddWithValue("grace", grace);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
