using Npgsql;

namespace Pipeline.Storage.Postgres.Curation;

/// <summary>
/// Stores label corrections in <c>label_corrections</c>: each row pairs an image with the label a person chose,
/// which is the training data of a linear probe on the stored embeddings.
/// </summary>
public sealed class LabelCorrectionRepository
{
    private const string InsertSql = """
        INSERT INTO label_corrections (image_id, label_set_id, old_label, new_label)
        SELECT @image, s.id, @old, @new FROM label_sets s WHERE s.name = @set
        RETURNING id, corrected_at, (SELECT source_uri FROM images WHERE id = @image)
        """;

    private const string ListSql = """
        SELECT c.id, c.image_id, s.name, c.old_label, c.new_label, i.source_uri, c.corrected_at
        FROM label_corrections c
        JOIN label_sets s ON s.id = c.label_set_id
        JOIN images i ON i.id = c.image_id
        WHERE s.name = @set AND c.id > @after
        ORDER BY c.id
        LIMIT @limit
        """;

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates the repository over a data source.</summary>
    public LabelCorrectionRepository(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <summary>Records a correction and returns it as stored.</summary>
    /// <exception cref="InvalidOperationException">The label set or the image is not stored.</exception>
    public async Task<StoredLabelCorrection> AddAsync(LabelCorrection correction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(correction);
        ArgumentException.ThrowIfNullOrWhiteSpace(correction.NewLabel, nameof(correction));
        await using var command = _dataSource.CreateCommand(InsertSql);
        command.Parameters.AddWithValue("image", correction.ImageId);
        command.Parameters.AddWithValue("set", correction.LabelSet);
        command.Parameters.Add(new NpgsqlParameter<string?>("old", correction.OldLabel));
        command.Parameters.AddWithValue("new", correction.NewLabel);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException($"No label set is named '{correction.LabelSet}'.");
            }

            return new StoredLabelCorrection(
                reader.GetInt64(0), correction, reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(1));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new InvalidOperationException($"No image has id {correction.ImageId}.", e);
        }
    }

    /// <summary>Up to <paramref name="limit"/> corrections of a label set after row <paramref name="afterId"/>,
    /// oldest first.</summary>
    public async Task<IReadOnlyList<StoredLabelCorrection>> ListAsync(
        string labelSet,
        long afterId,
        int limit,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var command = _dataSource.CreateCommand(ListSql);
        command.Parameters.AddWithValue("set", labelSet);
        command.Parameters.AddWithValue("after", afterId);
        command.Parameters.AddWithValue("limit", limit);
        var rows = new List<StoredLabelCorrection>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var correction = new LabelCorrection(
                reader.GetInt64(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4));
            rows.Add(new StoredLabelCorrection(
                reader.GetInt64(0), correction, reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return rows;
    }
}
