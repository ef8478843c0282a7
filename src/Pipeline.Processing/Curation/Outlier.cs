namespace Pipeline.Processing.Curation;

/// <summary>An image far from what it was compared with.</summary>
/// <param name="ImageId">The image.</param>
/// <param name="SourceUri">Where the image was read from.</param>
/// <param name="Score">The highest label cosine, or the mean cosine to its nearest images.</param>
/// <param name="NearestLabel">The label with the highest cosine, for a label outlier; null otherwise.</param>
public sealed record Outlier(long ImageId, string SourceUri, double Score, string? NearestLabel);
