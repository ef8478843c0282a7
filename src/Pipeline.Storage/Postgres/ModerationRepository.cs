using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Pipeline.Storage.Postgres;

/// <summary>Writes and reads moderation scores, one row per image, model and policy.</summary>
public sealed class ModerationRepository
{
    private const string WriteSql = """
        INSERT INTO moderation_scores (image_id, model_id, policy_id, score, decision)
        SELECT image_id, @model, @policy, score, decision
        FROM unnest(@images, @scores, @decisions) AS t(image_id, score, decision)
        ORDER BY image_id
        ON CONFLICT (image_id, model_id, policy_id)
        DO UPDATE SET score = EXCLUDED.score, decision = EXCLUDED.decision, scored_at = now()
        """;

    private const string ReadSql = """
        SELECT scores.model_id, policies.name, scores.score, scores.decision
        FROM moderation_scores AS scores JOIN policies ON policies.id = scores.policy_id
        WHERE scores.image_id = @image
        ORDER BY policies.name, scores.model_id
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;

    /// <summary>Creates the repository over a data source.</summary>
    public ModerationRepository(NpgsqlDataSource dataSource, ILogger<ModerationRepository>? logger = null)
    {
        _dataSource = dataSource;
        _logger = logger ?? NullLogger<ModerationRepository>.Instance;
    }

    /// <summary>Writes the scores of one policy for a batch; a redelivered batch replaces its scores.</summary>
    /// <exception cref="ArgumentException">An image appears twice.</exception>
    public async Task WriteAsync(
        int modelId,
        int policyId,
        IReadOnlyList<ModerationResult> results,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            return;
        }

        if (results.Select(result => result.ImageId).Distinct().Count() != results.Count)
        {
            throw new ArgumentException("An image appears twice in one batch of moderation scores.", nameof(results));
        }

        await using var command = _dataSource.CreateCommand(WriteSql);
        command.Parameters.AddWithValue("model", modelId);
        command.Parameters.AddWithValue("policy", policyId);
        command.Parameters.Add(new NpgsqlParameter<long[]>("images", results.Select(r => r.ImageId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<float[]>("scores", results.Select(r => r.Score).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>(
            "decisions",
            results.Select(r => StorageText.From(r.Decision)).ToArray()));
        await command.ExecuteNonQueryAsync(cancellationToken);
        PostgresLog.ModerationWritten(_logger, results.Count, policyId);
    }

    /// <summary>Returns every moderation score stored for an image, by policy and model.</summary>
    public async Task<IReadOnlyList<StoredModerationScore>> GetForImageAsync(
        long imageId,
        CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(ReadSql);
        command.Parameters.AddWithValue("image", imageId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var scores = new List<StoredModerationScore>();
        while (await reader.ReadAsync(cancellationToken))
        {
            scores.Add(new StoredModerationScore(
                reader.GetInt32(0),
                reader.GetString(1),
                reader.GetFloat(2),
                StorageText.To<ModerationDecision>(reader.GetString(3))));
        }

        return scores;
    }
}
