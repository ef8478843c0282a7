using Npgsql;

namespace Pipeline.Storage.Postgres.Curation;

/// <summary>The statements of one switch of the active model, all on the caller's connection and transaction.
/// </summary>
internal static class ModelSwitchSql
{
    // The same lock as ModelRepository.ActivateAsync, so switches from either path never interleave.
    public static Task<int> LockAsync(NpgsqlConnection c, NpgsqlTransaction t, CancellationToken token) =>
        ExecuteAsync(c, t, $"SELECT pg_advisory_xact_lock({ModelRepository.ModelLockClass}, 0)", token);

    public static async Task<int?> ActiveAsync(NpgsqlConnection c, NpgsqlTransaction t, CancellationToken token)
    {
        await using var command = new NpgsqlCommand("SELECT id FROM models WHERE is_active", c, t);
        return await command.ExecuteScalarAsync(token) is int id ? id : null;
    }

    public static async Task SwitchAsync(
        NpgsqlConnection c,
        NpgsqlTransaction t,
        int? modelId,
        CancellationToken token)
    {
        await ExecuteAsync(c, t, "UPDATE models SET is_active = false WHERE is_active", token);
        if (modelId is not { } id)
        {
            return;
        }

        await using var command = new NpgsqlCommand("UPDATE models SET is_active = true WHERE id = @id", c, t);
        command.Parameters.AddWithValue("id", id);
        if (await command.ExecuteNonQueryAsync(token) != 1)
        {
            throw new InvalidOperationException($"No model has id {id}.");
        }
    }

    public static async Task RecordAsync(
        NpgsqlConnection c,
        NpgsqlTransaction t,
        int? modelId,
        int? previous,
        string action,
        CancellationToken token)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO models_history (model_id, previous_model_id, action) VALUES (@model, @previous, @action)",
            c,
            t);
        command.Parameters.Add(new NpgsqlParameter<int?>("model", modelId));
        command.Parameters.Add(new NpgsqlParameter<int?>("previous", previous));
        command.Parameters.AddWithValue("action", action);
        await command.ExecuteNonQueryAsync(token);
    }

    public static async Task<int> ExecuteAsync(
        NpgsqlConnection c,
        NpgsqlTransaction t,
        string sql,
        CancellationToken token)
    {
        await using var command = new NpgsqlCommand(sql, c, t);
        return await command.ExecuteNonQueryAsync(token);
    }
}
