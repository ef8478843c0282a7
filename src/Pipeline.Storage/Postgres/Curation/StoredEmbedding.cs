namespace Pipeline.Storage.Postgres.Curation;

/// <summary>A stored image with its embedding under one model.</summary>
/// <param name="ImageId">The image.</param>
/// <param name="SourceUri">Where the image was read from.</param>
/// <param name="Embedding">The unit-length embedding.</param>
public sealed record StoredEmbedding(long ImageId, string SourceUri, float[] Embedding);
