using Npgsql;

namespace Pipeline.Storage.Postgres;

/// <summary>SQL and row reading shared by the job and batch repositories.</summary>
internal static class JobSql
{
    public const string Columns = """
        id, source, model_id, tasks::text, state, listing_complete, batch_count, batches_done, batches_failed,
        images_total, images_done, images_failed, created_at, updated_at
        """;

    public const string SelectById = $"SELECT {Columns} FROM jobs WHERE id = @job";

    /// <summary>Marks the job completed once its listing is complete and no batch is pending.</summary>
    public const string CompleteIfFinished = """
        UPDATE jobs SET state = 'completed', updated_at = now()
        WHERE id = @job AND state IN ('created', 'running') AND listing_complete
          AND batches_done + batches_failed >= batch_count
        """;

    public static NpgsqlBatchCommand Command(string sql, Guid jobId) =>
        new(sql) { Parameters = { new NpgsqlParameter<Guid>("job", jobId) } };

    public static JobProgress Read(NpgsqlDataReader reader)
    {
        var definition = new JobDefinition(
            reader.GetGuid(0),
            reader.GetString(1),
            reader.GetInt32(2),
            reader.GetString(3));
        return new JobProgress(
            definition,
            StorageText.To<JobState>(reader.GetString(4)),
            reader.GetBoolean(5),
            reader.GetInt32(6),
            reader.GetInt32(7),
            reader.GetInt32(8),
            reader.GetInt64(9),
            reader.GetInt64(10),
            reader.GetInt64(11),
            reader.GetFieldValue<DateTimeOffset>(12),
            reader.GetFieldValue<DateTimeOffset>(13));
    }

    /// <summary>Runs the commands in one round trip; the last one must select the job.</summary>
    public static async Task<(JobProgress Job, bool Completed)> RunAsync(
        NpgsqlBatch batch,
        int completionCommandIndex,
        CancellationToken cancellationToken)
    {
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        do
        {
            if (reader.FieldCount > 0 && await reader.ReadAsync(cancellationToken))
            {
                var job = Read(reader);
                await reader.CloseAsync();
                return (job, batch.BatchCommands[completionCommandIndex].RecordsAffected == 1);
            }
        }
        while (await reader.NextResultAsync(cancellationToken));

        throw new InvalidOperationException("The job does not exist.");
    }
}
