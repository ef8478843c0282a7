namespace Pipeline.Storage;

/// <summary>An image found by a vector search.</summary>
/// <param name="ImageId">Identifier of the image row.</param>
/// <param name="SourceUri">Where the image was read from.</param>
/// <param name="Score">Cosine similarity to the query, from -1 to 1.</param>
public sealed record SearchHit(long ImageId, string SourceUri, double Score);
