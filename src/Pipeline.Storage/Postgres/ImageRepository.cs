using Npgsql;

namespace Pipeline.Storage.Postgres;

/// <summary>Records the images that workers read, one row per source URI.</summary>
public sealed class ImageRepository
{
    private const int Sha256Length = 32;

    private const string UpsertSql = """
        INSERT INTO images AS existing (source_uri, content_sha256, byte_size, width, height)
        SELECT * FROM unnest(@uris, @hashes, @sizes, @widths, @heights)
        ON CONFLICT (source_uri) DO UPDATE SET
            content_sha256 = EXCLUDED.content_sha256,
            byte_size = EXCLUDED.byte_size,
            width = COALESCE(EXCLUDED.width, existing.width),
            height = COALESCE(EXCLUDED.height, existing.height),
            last_seen = now()
        RETURNING id, source_uri
        """;

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates the repository over a data source.</summary>
    public ImageRepository(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <summary>
    /// Inserts new images and refreshes known ones (hash, size, dimensions, last seen), and returns the identifier
    /// of each source URI.
    /// </summary>
    /// <exception cref="ArgumentException">A URI appears twice, or a hash is not 32 bytes long.</exception>
    public async Task<IReadOnlyDictionary<string, long>> UpsertAsync(
        IReadOnlyList<ImageObservation> images,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0)
        {
            return new Dictionary<string, long>();
        }

        // Sorted so that concurrent batches with shared images lock rows in the same order and cannot deadlock.
        var sorted = images.OrderBy(image => image.SourceUri, StringComparer.Ordinal).ToArray();
        Validate(sorted);

        await using var command = _dataSource.CreateCommand(UpsertSql);
        command.Parameters.Add(new NpgsqlParameter<string[]>("uris", sorted.Select(i => i.SourceUri).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<byte[][]>(
            "hashes",
            sorted.Select(i => i.ContentSha256.ToArray()).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<long[]>("sizes", sorted.Select(i => i.ByteSize).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int?[]>("widths", sorted.Select(i => i.Width).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int?[]>("heights", sorted.Select(i => i.Height).ToArray()));

        var ids = new Dictionary<string, long>(sorted.Length, StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids[reader.GetString(1)] = reader.GetInt64(0);
        }

        return ids;
    }

    /// <summary>Returns the identifier of the image read from a source URI, or null when it is not stored.</summary>
    public async Task<long?> FindIdAsync(string sourceUri, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT id FROM images WHERE source_uri = @uri");
        command.Parameters.AddWithValue("uri", sourceUri);
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? id : null;
    }

    private static void Validate(ImageObservation[] images)
    {
        for (var i = 0; i < images.Length; i++)
        {
            ArgumentException.ThrowIfNullOrEmpty(images[i].SourceUri, nameof(images));
            if (images[i].ContentSha256.Length != Sha256Length)
            {
                throw new ArgumentException(
                    $"The SHA-256 of {images[i].SourceUri} must be {Sha256Length} bytes, "
                    + $"not {images[i].ContentSha256.Length}.",
                    nameof(images));
            }

            if (i > 0 && string.Equals(images[i].SourceUri, images[i - 1].SourceUri, StringComparison.Ordinal))
            {
                throw new ArgumentException($"{images[i].SourceUri} appears twice in one upsert.", nameof(images));
            }
        }
    }
}
