using Npgsql;

namespace Pipeline.Storage.Postgres.Curation;

/// <summary>The near-duplicate groups last found for each model, in <c>duplicate_groups</c>.</summary>
public sealed class DuplicateGroupRepository
{
    private const string InsertSql = """
        INSERT INTO duplicate_groups (model_id, group_id, image_id, similarity, threshold)
        SELECT @model, group_id, image_id, similarity, @threshold
        FROM unnest(@groups, @images, @similarities) AS t(group_id, image_id, similarity)
        """;

    private const string ListSql = """
        SELECT d.group_id, d.image_id, i.source_uri, d.similarity
        FROM duplicate_groups d JOIN images i ON i.id = d.image_id
        WHERE d.model_id = @model AND d.group_id > @after_group
          AND d.group_id <= @after_group + @limit
        ORDER BY d.group_id, d.image_id
        """;

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates the repository over a data source.</summary>
    public DuplicateGroupRepository(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <summary>Replaces the model's groups with <paramref name="groups"/> in one transaction.</summary>
    public async Task ReplaceAsync(
        ModelRecord model,
        double threshold,
        IReadOnlyList<DuplicateGroup> groups,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(groups);
        var rows = groups.SelectMany(g => g.Members.Select(m => (g.Group, m.ImageId, (float)m.Similarity))).ToList();

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var delete = new NpgsqlCommand(
            "DELETE FROM duplicate_groups WHERE model_id = @model", connection, transaction))
        {
            delete.Parameters.AddWithValue("model", model.Id);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var insert = new NpgsqlCommand(InsertSql, connection, transaction))
        {
            insert.Parameters.AddWithValue("model", model.Id);
            insert.Parameters.AddWithValue("threshold", (float)threshold);
            insert.Parameters.Add(new NpgsqlParameter<int[]>("groups", rows.Select(r => r.Group).ToArray()));
            insert.Parameters.Add(new NpgsqlParameter<long[]>("images", rows.Select(r => r.ImageId).ToArray()));
            insert.Parameters.Add(new NpgsqlParameter<float[]>("similarities", rows.Select(r => r.Item3).ToArray()));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Up to <paramref name="limit"/> stored groups of the model numbered after
    /// <paramref name="afterGroup"/>.</summary>
    public async Task<IReadOnlyList<DuplicateGroup>> ListAsync(
        ModelRecord model,
        int afterGroup,
        int limit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var command = _dataSource.CreateCommand(ListSql);
        command.Parameters.AddWithValue("model", model.Id);
        command.Parameters.AddWithValue("after_group", afterGroup);
        command.Parameters.AddWithValue("limit", limit);
        var members = new List<(int Group, DuplicateMember Member)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                members.Add((reader.GetInt32(0),
                    new DuplicateMember(reader.GetInt64(1), reader.GetString(2), reader.GetFloat(3))));
            }
        }

        var groups = members
            .GroupBy(m => m.Group)
            .Select(g => new DuplicateGroup(g.Key, g.Select(m => m.Member).ToList()))
            .ToList();
        return groups;
    }
}
