using Npgsql;

namespace Pipeline.Storage.Postgres.Curation;

/// <summary>
/// Switches the model that queries use by default, each switch one transaction that also records it in
/// <c>models_history</c>, so a rollback can restore the model active before. Rollbacks go back one activation at a
/// time, as far as the history reaches.
/// </summary>
public sealed class ModelActivation
{
    private const string HistorySql = """
        SELECT id, model_id, previous_model_id, action, undone, changed_at FROM models_history
        ORDER BY id DESC LIMIT @limit
        """;

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates the service over a data source.</summary>
    public ModelActivation(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <summary>Makes the model active and records the switch; nothing changes when it is active already.</summary>
    /// <returns>The model active before, or null.</returns>
    /// <exception cref="InvalidOperationException">No model has that identifier.</exception>
    public async Task<int?> ActivateAsync(int modelId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ModelSwitchSql.LockAsync(connection, transaction, cancellationToken);
        int? previous = await ModelSwitchSql.ActiveAsync(connection, transaction, cancellationToken);
        if (previous == modelId)
        {
            return previous;
        }

        await ModelSwitchSql.SwitchAsync(connection, transaction, modelId, cancellationToken);
        await ModelSwitchSql.RecordAsync(connection, transaction, modelId, previous, "activate", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return previous;
    }

    /// <summary>
    /// Undoes the latest activation that is not undone yet: its previous model becomes active again (or no model,
    /// when there was none before it).
    /// </summary>
    /// <returns>The model now active, or null.</returns>
    /// <exception cref="InvalidOperationException">There is no activation left to undo.</exception>
    public async Task<int?> RollbackAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ModelSwitchSql.LockAsync(connection, transaction, cancellationToken);
        await using var latest = new NpgsqlCommand(
            """
            UPDATE models_history SET undone = true
            WHERE id = (SELECT max(id) FROM models_history WHERE action = 'activate' AND NOT undone)
            RETURNING model_id, previous_model_id
            """,
            connection,
            transaction);
        int? undone;
        int? restored;
        await using (var reader = await latest.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException("No activation is recorded that a rollback could undo.");
            }

            undone = reader.IsDBNull(0) ? null : reader.GetInt32(0);
            restored = reader.IsDBNull(1) ? null : reader.GetInt32(1);
        }

        int? active = await ModelSwitchSql.ActiveAsync(connection, transaction, cancellationToken);
        await ModelSwitchSql.SwitchAsync(connection, transaction, restored, cancellationToken);
        await ModelSwitchSql.RecordAsync(
            connection, transaction, restored, active ?? undone, "rollback", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return restored;
    }

    /// <summary>The latest <paramref name="limit"/> changes, newest first.</summary>
    public async Task<IReadOnlyList<ModelHistoryEntry>> HistoryAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(HistorySql);
        command.Parameters.AddWithValue("limit", limit);
        var entries = new List<ModelHistoryEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ModelHistoryEntry(
                reader.GetInt64(0),
                reader.IsDBNull(1) ? null : reader.GetInt32(1),
                reader.IsDBNull(2) ? null : reader.GetInt32(2),
                reader.GetString(3),
                reader.GetBoolean(4),
                reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return entries;
    }
}
