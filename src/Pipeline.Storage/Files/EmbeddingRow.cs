namespace Pipeline.Storage.Files;

/// <summary>One row of <c>embeddings.parquet</c>.</summary>
public sealed class EmbeddingRow
{
    /// <summary>The image's URI.</summary>
    public string Uri { get; set; } = string.Empty;

    /// <summary>The model that made the embedding.</summary>
    public string Model { get; set; } = string.Empty;

    /// <summary>The L2-normalised embedding.</summary>
    public float[] Embedding { get; set; } = [];
}
