using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Pipeline.Storage.Postgres;

/// <summary>Writes and reads the labels that a label set gave to images.</summary>
public sealed class LabelRepository
{
    // The new labels replace the old ones of the same image, model and label set, whatever they were.
    private const string WriteSql = """
        WITH incoming AS (
            SELECT * FROM unnest(@images, @labels, @scores, @ranks) AS t(image_id, label, score, rank)
        ),
        stale AS (
            DELETE FROM labels
            WHERE model_id = @model AND label_set_id = @label_set AND image_id = ANY(@images)
              AND (image_id, label) NOT IN (SELECT image_id, label FROM incoming)
        )
        INSERT INTO labels (image_id, model_id, label_set_id, label, score, rank)
        SELECT image_id, @model, @label_set, label, score, rank FROM incoming ORDER BY image_id, label
        ON CONFLICT (image_id, model_id, label_set_id, label)
        DO UPDATE SET score = EXCLUDED.score, rank = EXCLUDED.rank
        """;

    private const string ReadSql = """
        SELECT labels.model_id, label_sets.name, labels.label, labels.score, labels.rank
        FROM labels JOIN label_sets ON label_sets.id = labels.label_set_id
        WHERE labels.image_id = @image
        ORDER BY label_sets.name, labels.model_id, labels.rank
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;

    /// <summary>Creates the repository over a data source.</summary>
    public LabelRepository(NpgsqlDataSource dataSource, ILogger<LabelRepository>? logger = null)
    {
        _dataSource = dataSource;
        _logger = logger ?? NullLogger<LabelRepository>.Instance;
    }

    /// <summary>
    /// Replaces the labels of each given image for one model and label set; writing the same batch twice leaves
    /// the same rows.
    /// </summary>
    /// <exception cref="ArgumentException">An image, or a label of one image, appears twice.</exception>
    public async Task WriteAsync(
        int modelId,
        int labelSetId,
        IReadOnlyList<ImageLabels> images,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0)
        {
            return;
        }

        var rows = Flatten(images);
        await using var command = _dataSource.CreateCommand(WriteSql);
        command.Parameters.AddWithValue("model", modelId);
        command.Parameters.AddWithValue("label_set", labelSetId);
        command.Parameters.Add(new NpgsqlParameter<long[]>("images", rows.Select(r => r.ImageId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("labels", rows.Select(r => r.Label).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<float[]>("scores", rows.Select(r => r.Score).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<short[]>("ranks", rows.Select(r => r.Rank).ToArray()));
        await command.ExecuteNonQueryAsync(cancellationToken);
        PostgresLog.LabelsWritten(_logger, images.Count, labelSetId);
    }

    /// <summary>Returns every label stored for an image, by label set, model and rank.</summary>
    public async Task<IReadOnlyList<StoredLabel>> GetForImageAsync(long imageId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(ReadSql);
        command.Parameters.AddWithValue("image", imageId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var labels = new List<StoredLabel>();
        while (await reader.ReadAsync(cancellationToken))
        {
            labels.Add(new StoredLabel(
                reader.GetInt32(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetFloat(3),
                reader.GetInt16(4)));
        }

        return labels;
    }

    private static List<(long ImageId, string Label, float Score, short Rank)> Flatten(
        IReadOnlyList<ImageLabels> images)
    {
        var rows = new List<(long, string, float, short)>();
        var seenImages = new HashSet<long>();
        foreach (var image in images)
        {
            if (!seenImages.Add(image.ImageId))
            {
                throw new ArgumentException($"Image {image.ImageId} appears twice in one batch.", nameof(images));
            }

            var seenLabels = new HashSet<string>(StringComparer.Ordinal);
            for (var rank = 1; rank <= image.Labels.Count; rank++)
            {
                var label = image.Labels[rank - 1];
                if (!seenLabels.Add(label.Label))
                {
                    throw new ArgumentException(
                        $"Label '{label.Label}' appears twice for image {image.ImageId}.",
                        nameof(images));
                }

                rows.Add((image.ImageId, label.Label, label.Score, checked((short)rank)));
            }
        }

        return rows;
    }
}
