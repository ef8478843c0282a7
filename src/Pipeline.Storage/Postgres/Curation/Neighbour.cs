namespace Pipeline.Storage.Postgres.Curation;

/// <summary>One of an image's nearest images under a model.</summary>
/// <param name="ImageId">The neighbouring image.</param>
/// <param name="Similarity">Cosine similarity of the two embeddings, from -1 to 1.</param>
public sealed record Neighbour(long ImageId, double Similarity);
