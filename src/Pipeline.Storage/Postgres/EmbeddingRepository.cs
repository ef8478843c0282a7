using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace Pipeline.Storage.Postgres;

/// <summary>Writes and reads image embeddings, one row per image and model.</summary>
public sealed class EmbeddingRepository
{
    // ON COMMIT DROP: the staging table lives only as long as the batch's transaction.
    private const string CreateStagingSql = """
        CREATE TEMP TABLE embedding_staging (image_id bigint NOT NULL, embedding vector NOT NULL) ON COMMIT DROP
        """;

    private const string CopySql = "COPY embedding_staging (image_id, embedding) FROM STDIN (FORMAT BINARY)";

    // Sorted by image so that two batches with shared images lock rows in the same order.
    private const string MergeSql = """
        INSERT INTO embeddings (image_id, model_id, embedding)
        SELECT image_id, @model, embedding FROM embedding_staging ORDER BY image_id
        ON CONFLICT (image_id, model_id) DO UPDATE SET embedding = EXCLUDED.embedding, written_at = now()
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;

    /// <summary>Creates the repository over a data source that maps pgvector types.</summary>
    public EmbeddingRepository(NpgsqlDataSource dataSource, ILogger<EmbeddingRepository>? logger = null)
    {
        _dataSource = dataSource;
        _logger = logger ?? NullLogger<EmbeddingRepository>.Instance;
    }

    /// <summary>
    /// Writes a batch's embeddings in one transaction: binary COPY into a staging table, then an upsert, so a
    /// redelivered batch replaces its rows instead of adding to them. Returns the number of rows written.
    /// </summary>
    /// <exception cref="ArgumentException">An embedding's size differs from the model's, or an image appears
    /// twice.</exception>
    public async Task<int> WriteAsync(
        ModelRecord model,
        IReadOnlyList<ImageEmbedding> embeddings,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(embeddings);
        Validate(model, embeddings);
        if (embeddings.Count == 0)
        {
            return 0;
        }

        var stopwatch = Stopwatch.StartNew();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(CreateStagingSql, connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await CopyAsync(connection, embeddings, cancellationToken);

        int written;
        await using (var merge = new NpgsqlCommand(MergeSql, connection))
        {
            merge.Parameters.AddWithValue("model", model.Id);
            written = await merge.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        PostgresLog.EmbeddingsWritten(_logger, written, model.Id, stopwatch.ElapsedMilliseconds);
        return written;
    }

    /// <summary>Reads the embedding of an image for a model, or returns null when there is none.</summary>
    public async Task<float[]?> FindAsync(ModelRecord model, long imageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        await using var command = _dataSource.CreateCommand(
            "SELECT embedding FROM embeddings WHERE image_id = @image AND model_id = @model");
        command.Parameters.AddWithValue("image", imageId);
        command.Parameters.AddWithValue("model", model.Id);
        return await command.ExecuteScalarAsync(cancellationToken) is Vector vector ? vector.ToArray() : null;
    }

    private static async Task CopyAsync(
        NpgsqlConnection connection,
        IReadOnlyList<ImageEmbedding> embeddings,
        CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(CopySql, cancellationToken);
        foreach (var row in embeddings)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(row.ImageId, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(new Vector(row.Embedding), "vector", cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static void Validate(ModelRecord model, IReadOnlyList<ImageEmbedding> embeddings)
    {
        var seen = new HashSet<long>();
        foreach (var row in embeddings)
        {
            if (row.Embedding.Length != model.EmbeddingDim)
            {
                throw new ArgumentException(
                    $"Image {row.ImageId} has an embedding of {row.Embedding.Length} values; model {model.Id} "
                    + $"produces {model.EmbeddingDim}.",
                    nameof(embeddings));
            }

            if (!seen.Add(row.ImageId))
            {
                throw new ArgumentException($"Image {row.ImageId} appears twice in one batch.", nameof(embeddings));
            }
        }
    }
}
