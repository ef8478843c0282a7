using Npgsql;

namespace Pipeline.Storage.Postgres.Curation;

/// <summary>The images a moderation policy flagged, highest score first: what a reviewer works through.</summary>
public sealed class ModerationQueue
{
    private const string ListSql = """
        SELECT m.image_id, i.source_uri, m.model_id, m.score, m.decision
        FROM moderation_scores m
        JOIN policies p ON p.id = m.policy_id
        JOIN images i ON i.id = m.image_id
        WHERE p.name = @policy AND m.decision = ANY(@decisions)
        ORDER BY m.score DESC, m.image_id
        LIMIT @limit
        """;

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates the queue over a data source.</summary>
    public ModerationQueue(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <summary>Up to <paramref name="limit"/> images with one of <paramref name="decisions"/> under the policy.
    /// </summary>
    public async Task<IReadOnlyList<FlaggedImage>> ListAsync(
        string policy,
        IReadOnlyCollection<ModerationDecision> decisions,
        int limit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var command = _dataSource.CreateCommand(ListSql);
        command.Parameters.AddWithValue("policy", policy);
        command.Parameters.Add(new NpgsqlParameter<string[]>(
            "decisions", decisions.Select(StorageText.From).ToArray()));
        command.Parameters.AddWithValue("limit", limit);
        var images = new List<FlaggedImage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            images.Add(new FlaggedImage(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetInt32(2),
                reader.GetFloat(3),
                StorageText.To<ModerationDecision>(reader.GetString(4))));
        }

        return images;
    }

    /// <summary>The names of the stored policies, in name order.</summary>
    public async Task<IReadOnlyList<string>> ListPoliciesAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT name FROM policies ORDER BY name");
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
