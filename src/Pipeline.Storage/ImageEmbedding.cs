namespace Pipeline.Storage;

/// <summary>The embedding of one stored image.</summary>
/// <param name="ImageId">Identifier of the image row.</param>
/// <param name="Embedding">The embedding, as long as the model's embedding size.</param>
public sealed record ImageEmbedding(long ImageId, ReadOnlyMemory<float> Embedding);
