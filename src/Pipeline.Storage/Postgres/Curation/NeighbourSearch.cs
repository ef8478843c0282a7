using System.Globalization;
using Npgsql;

namespace Pipeline.Storage.Postgres.Curation;

/// <summary>
/// The k nearest images of every image of a model, page by page in image order, each found through the model's
/// HNSW index. Near-duplicate groups and neighbour outliers are built from these lists.
/// </summary>
public sealed class NeighbourSearch
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates the search over a data source that maps pgvector types.</summary>
    public NeighbourSearch(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <summary>
    /// The neighbour lists of up to <paramref name="pageSize"/> images with identifiers above
    /// <paramref name="afterImageId"/>, in identifier order; <paramref name="neighbours"/> per image at most.
    /// </summary>
    public async Task<IReadOnlyList<ImageNeighbours>> ListPageAsync(
        ModelRecord model,
        long afterImageId,
        int pageSize,
        int neighbours,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(neighbours);

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await VectorSession.ApplyAsync(connection, transaction, Math.Max(40, neighbours + 1), cancellationToken);
        await using var command = new NpgsqlCommand(Sql(model), connection, transaction);
        command.Parameters.AddWithValue("after", afterImageId);
        command.Parameters.AddWithValue("page", pageSize);
        command.Parameters.AddWithValue("k", neighbours + 1);

        var result = new List<ImageNeighbours>(pageSize);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            List<Neighbour>? current = null;
            while (await reader.ReadAsync(cancellationToken))
            {
                long image = reader.GetInt64(0);
                if (current is null || result[^1].ImageId != image)
                {
                    current = [];
                    result.Add(new ImageNeighbours(image, reader.GetString(1), current));
                }

                if (!reader.IsDBNull(2) && current.Count < neighbours)
                {
                    current.Add(new Neighbour(reader.GetInt64(2), reader.GetDouble(3)));
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    // The lateral subquery repeats the index's cast and the literal model filter, so each image's neighbours come
    // from the HNSW index; the left join keeps an image whose only neighbour is itself.
    private static string Sql(ModelRecord model) => string.Create(
        CultureInfo.InvariantCulture,
        $"""
        WITH page AS (
            SELECT image_id, embedding FROM embeddings
            WHERE model_id = {model.Id} AND image_id > @after
            ORDER BY image_id
            LIMIT @page
        )
        SELECT page.image_id, images.source_uri, near.image_id, 1 - near.distance
        FROM page
        JOIN images ON images.id = page.image_id
        LEFT JOIN LATERAL (
            SELECT other.image_id,
                   other.embedding::vector({model.EmbeddingDim}) <=> page.embedding::vector({model.EmbeddingDim})
                       AS distance
            FROM embeddings AS other
            WHERE other.model_id = {model.Id}
            ORDER BY distance
            LIMIT @k
        ) AS near ON near.image_id <> page.image_id
        ORDER BY page.image_id, near.distance
        """);
}
