using System.Globalization;
using Npgsql;
using Pgvector;

namespace Pipeline.Storage.Postgres;

/// <summary>
/// Nearest-neighbour queries over a model's embeddings, through the model's HNSW index: text-to-image search
/// (a text embedding in, images out) and image-to-image similarity.
/// </summary>
public sealed class EmbeddingSearch
{
    /// <summary>Most results one query may ask for.</summary>
    public const int MaxResults = 1000;

    private readonly NpgsqlDataSource _dataSource;
    private readonly int _searchCandidates;

    /// <summary>Creates the search over a data source that maps pgvector types.</summary>
    /// <param name="dataSource">The data source.</param>
    /// <param name="searchCandidates">HNSW candidate list size, see
    /// <see cref="PostgresStorageOptions.SearchCandidates"/>.</param>
    public EmbeddingSearch(NpgsqlDataSource dataSource, int searchCandidates)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(searchCandidates);
        _dataSource = dataSource;
        _searchCandidates = searchCandidates;
    }

    /// <summary>
    /// Returns up to <paramref name="limit"/> images whose embeddings are nearest to <paramref name="query"/> by
    /// cosine distance, nearest first. The search is approximate: the index may miss a near image.
    /// </summary>
    /// <exception cref="ArgumentException">The query's size differs from the model's.</exception>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(
        ModelRecord model,
        ReadOnlyMemory<float> query,
        int limit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxResults);
        if (query.Length != model.EmbeddingDim)
        {
            throw new ArgumentException(
                $"The query has {query.Length} values; model {model.Id} produces {model.EmbeddingDim}.",
                nameof(query));
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                // Local to the transaction, so the pooled connection goes back with the server's default.
                new NpgsqlBatchCommand("SELECT set_config('hnsw.ef_search', @candidates, true)")
                {
                    Parameters = { new NpgsqlParameter<string>("candidates", Candidates(limit)) },
                },
                NearestCommand(model, new Vector(query), limit),
            },
        };

        var hits = new List<SearchHit>(limit);
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                hits.Add(new SearchHit(reader.GetInt64(0), reader.GetString(1), reader.GetDouble(2)));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return hits;
    }

    /// <summary>
    /// Returns up to <paramref name="limit"/> images nearest to a stored image, the image itself excluded; empty
    /// when the image has no embedding for the model.
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> FindSimilarAsync(
        ModelRecord model,
        long imageId,
        int limit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(limit, MaxResults);

        await using var command = _dataSource.CreateCommand(
            "SELECT embedding FROM embeddings WHERE image_id = @image AND model_id = @model");
        command.Parameters.AddWithValue("image", imageId);
        command.Parameters.AddWithValue("model", model.Id);
        if (await command.ExecuteScalarAsync(cancellationToken) is not Vector embedding)
        {
            return [];
        }

        var hits = await SearchAsync(model, embedding.Memory, limit + 1, cancellationToken);
        return hits.Where(hit => hit.ImageId != imageId).Take(limit).ToList();
    }

    /// <summary>As <see cref="FindSimilarAsync(ModelRecord, long, int, CancellationToken)"/>, for the image read
    /// from a source URI; empty when that image is not stored or not embedded.</summary>
    public async Task<IReadOnlyList<SearchHit>> FindSimilarAsync(
        ModelRecord model,
        string sourceUri,
        int limit,
        CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT id FROM images WHERE source_uri = @uri");
        command.Parameters.AddWithValue("uri", sourceUri);
        return await command.ExecuteScalarAsync(cancellationToken) is long imageId
            ? await FindSimilarAsync(model, imageId, limit, cancellationToken)
            : [];
    }

    /// <summary>The nearest-neighbour statement that <see cref="SearchAsync"/> runs, for plans and tests.</summary>
    internal static NpgsqlBatchCommand NearestCommand(ModelRecord model, Vector query, int limit) =>
        new(VectorSql.NearestImages(model))
        {
            Parameters =
            {
                new NpgsqlParameter<Vector>("query", query),
                new NpgsqlParameter<int>("limit", limit),
            },
        };

    // The index returns at most ef_search candidates, so a larger limit needs a wider list.
    private string Candidates(int limit) =>
        Math.Max(_searchCandidates, limit).ToString(CultureInfo.InvariantCulture);
}
