namespace Pipeline.Storage.Postgres.Curation;

/// <summary>An image of a near-duplicate group.</summary>
/// <param name="ImageId">The image.</param>
/// <param name="SourceUri">Where the image was read from.</param>
/// <param name="Similarity">Highest cosine similarity of the image to another member of its group.</param>
public sealed record DuplicateMember(long ImageId, string SourceUri, double Similarity);
