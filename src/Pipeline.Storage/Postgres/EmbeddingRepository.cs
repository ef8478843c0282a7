using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Pgvector;

namespace Pipeline.Storage.Postgres;

/// <summary>Writes and reads image embeddings, one row per image and model.</summary>
public sealed class EmbeddingRepository
{
    // One statement for the whole batch: the arrays travel in binary, and no staging table is created per call.
    // Sorted by image so that two batches with shared images lock rows in the same order.
    private const string UpsertSql = """
        INSERT INTO embeddings (image_id, model_id, embedding)
        SELECT image_id, @model, embedding FROM unnest(@images, @embeddings) AS batch (image_id, embedding)
        ORDER BY image_id
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
    /// Writes a batch's embeddings in one statement, an upsert, so a redelivered batch replaces its rows instead of
    /// adding to them. Returns the number of rows written.
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
        await using var command = _dataSource.CreateCommand(UpsertSql);
        command.Parameters.AddWithValue("model", model.Id);
        command.Parameters.AddWithValue("images", embeddings.Select(row => row.ImageId).ToArray());
        command.Parameters.AddWithValue("embeddings", embeddings.Select(row => new Vector(row.Embedding)).ToArray());
        int written = await command.ExecuteNonQueryAsync(cancellationToken);
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
