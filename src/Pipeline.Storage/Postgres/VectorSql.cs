using System.Globalization;

namespace Pipeline.Storage.Postgres;

/// <summary>
/// SQL over the untyped <c>embeddings.embedding</c> column. A model's HNSW index is a partial index on the column cast
/// to the model's size, so PostgreSQL uses it only when a query repeats the same cast and the same
/// <c>model_id = N</c> filter with N written as a literal, not a parameter.
/// </summary>
internal static class VectorSql
{
    public static string IndexName(int modelId) =>
        string.Create(CultureInfo.InvariantCulture, $"embeddings_hnsw_model_{modelId}");

    public static string CreateIndex(ModelRecord model) => string.Create(
        CultureInfo.InvariantCulture,
        $"""
        CREATE INDEX IF NOT EXISTS {IndexName(model.Id)} ON embeddings
        USING hnsw ((embedding::vector({model.EmbeddingDim})) vector_cosine_ops)
        WHERE model_id = {model.Id}
        """);

    /// <summary>Nearest images to <c>@query</c> by cosine distance, at most <c>@limit</c>, nearest first.</summary>
    public static string NearestImages(ModelRecord model) => string.Create(
        CultureInfo.InvariantCulture,
        $"""
        SELECT nearest.image_id, images.source_uri, 1 - nearest.distance AS score
        FROM (
            SELECT image_id,
                   embedding::vector({model.EmbeddingDim}) <=> @query::vector({model.EmbeddingDim}) AS distance
            FROM embeddings
            WHERE model_id = {model.Id}
            ORDER BY distance
            LIMIT @limit
        ) AS nearest
        JOIN images ON images.id = nearest.image_id
        ORDER BY nearest.distance
        """);
}
