using Npgsql;
using NpgsqlTypes;

namespace Pipeline.Storage.Postgres;

/// <summary>Stores label sets and moderation policies by name, each with its JSON definition.</summary>
public sealed class DefinitionRepository
{
    private const string LabelSets = "label_sets";
    private const string Policies = "policies";

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates the repository over a data source.</summary>
    public DefinitionRepository(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <summary>Stores a label set, replacing the definition of one with the same name.</summary>
    public Task<NamedDefinition> SaveLabelSetAsync(string name, string definitionJson, CancellationToken token) =>
        SaveAsync(LabelSets, name, definitionJson, token);

    /// <summary>Finds a label set by name, or returns null.</summary>
    public Task<NamedDefinition?> FindLabelSetAsync(string name, CancellationToken token) =>
        FindAsync(LabelSets, name, token);

    /// <summary>Stores a moderation policy, replacing the definition of one with the same name.</summary>
    public Task<NamedDefinition> SavePolicyAsync(string name, string definitionJson, CancellationToken token) =>
        SaveAsync(Policies, name, definitionJson, token);

    /// <summary>Finds a moderation policy by name, or returns null.</summary>
    public Task<NamedDefinition?> FindPolicyAsync(string name, CancellationToken token) =>
        FindAsync(Policies, name, token);

    private async Task<NamedDefinition> SaveAsync(string table, string name, string json, CancellationToken token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(json);

        // updated_at moves only when the definition really changes.
        await using var command = _dataSource.CreateCommand($"""
            INSERT INTO {table} AS existing (name, definition) VALUES (@name, @definition)
            ON CONFLICT (name) DO UPDATE SET
                definition = EXCLUDED.definition,
                updated_at = CASE WHEN existing.definition = EXCLUDED.definition
                                  THEN existing.updated_at ELSE now() END
            RETURNING id, name, definition::text
            """);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("definition", NpgsqlDbType.Jsonb, json);
        return await ReadOneAsync(command, token)
            ?? throw new InvalidOperationException($"Saving {name} into {table} returned no row.");
    }

    private async Task<NamedDefinition?> FindAsync(string table, string name, CancellationToken token)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT id, name, definition::text FROM {table} WHERE name = @name");
        command.Parameters.AddWithValue("name", name);
        return await ReadOneAsync(command, token);
    }

    private static async Task<NamedDefinition?> ReadOneAsync(NpgsqlCommand command, CancellationToken token)
    {
        await using var reader = await command.ExecuteReaderAsync(token);
        return await reader.ReadAsync(token)
            ? new NamedDefinition(reader.GetInt32(0), reader.GetString(1), reader.GetString(2))
            : null;
    }
}
