using Npgsql;

namespace Pipeline.Storage.Postgres.Curation;

/// <summary>Looks up stored images: the only URIs that the review endpoints may read.</summary>
public sealed class ImageCatalog
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates the catalog over a data source.</summary>
    public ImageCatalog(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <summary>The source URI of a stored image, or null when no image has that identifier.</summary>
    public async Task<string?> FindUriAsync(long imageId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT source_uri FROM images WHERE id = @id");
        command.Parameters.AddWithValue("id", imageId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>The names of the stored label sets, in name order.</summary>
    public async Task<IReadOnlyList<string>> ListLabelSetsAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT name FROM label_sets ORDER BY name");
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>The distinct labels stored for a label set, in name order: the choices offered to a reviewer.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListLabelsAsync(string labelSet, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("""
            SELECT DISTINCT l.label FROM labels l JOIN label_sets s ON s.id = l.label_set_id
            WHERE s.name = @set ORDER BY l.label
            """);
        command.Parameters.AddWithValue("set", labelSet);
        var labels = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            labels.Add(reader.GetString(0));
        }

        return labels;
    }
}
