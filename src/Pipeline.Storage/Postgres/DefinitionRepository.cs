using Npgsql;
using NpgsqlTypes;

namespace Pipeline.Storage.Postgres;

/// <summary>Stores label sets, moderation policies and linear probes by name, each with its JSON definition.</summary>
public sealed class DefinitionRepository
{
    private const string LabelSets = "label_sets";
    private const string Policies = "policies";
    private const string Probes = "probes";

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

    /// <summary>Stores a linear probe, replacing the definition of one with the same name.</summary>
    public Task<NamedDefinition> SaveProbeAsync(string name, string definitionJson, CancellationToken token) =>
        SaveAsync(Probes, name, definitionJson, token);

    /// <summary>Finds a linear probe by name, or returns null.</summary>
    public Task<NamedDefinition?> FindProbeAsync(string name, CancellationToken token) =>
        FindAsync(Probes, name, token);

    /// <summary>Every stored label set, by name.</summary>
    public Task<IReadOnlyList<NamedDefinition>> ListLabelSetsAsync(CancellationToken token) =>
        ListAsync(LabelSets, token);

    /// <summary>Every stored moderation policy, by name.</summary>
    public Task<IReadOnlyList<NamedDefinition>> ListPoliciesAsync(CancellationToken token) =>
        ListAsync(Policies, token);

    /// <summary>Every stored linear probe, by name.</summary>
    public Task<IReadOnlyList<NamedDefinition>> ListProbesAsync(CancellationToken token) =>
        ListAsync(Probes, token);

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
            RETURNING id, name, definition::text, updated_at
            """);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("definition", NpgsqlDbType.Jsonb, json);
        return await ReadOneAsync(command, token)
            ?? throw new InvalidOperationException($"Saving {name} into {table} returned no row.");
    }

    private async Task<NamedDefinition?> FindAsync(string table, string name, CancellationToken token)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT id, name, definition::text, updated_at FROM {table} WHERE name = @name");
        command.Parameters.AddWithValue("name", name);
        return await ReadOneAsync(command, token);
    }

    private async Task<IReadOnlyList<NamedDefinition>> ListAsync(string table, CancellationToken token)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT id, name, definition::text, updated_at FROM {table} ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync(token);
        var definitions = new List<NamedDefinition>();
        while (await reader.ReadAsync(token))
        {
            definitions.Add(Read(reader));
        }

        return definitions;
    }

    private static async Task<NamedDefinition?> ReadOneAsync(NpgsqlCommand command, CancellationToken token)
    {
        await using var reader = await command.ExecuteReaderAsync(token);
        return await reader.ReadAsync(token) ? Read(reader) : null;
    }

    private static NamedDefinition Read(NpgsqlDataReader reader) => new(
        reader.GetInt32(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetFieldValue<DateTimeOffset>(3));
}
