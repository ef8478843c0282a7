namespace Pipeline.Storage.Postgres.Curation;

/// <summary>An image and its nearest images (itself excluded), nearest first.</summary>
/// <param name="ImageId">The image.</param>
/// <param name="SourceUri">Where the image was read from.</param>
/// <param name="Neighbours">Its nearest images under the model.</param>
public sealed record ImageNeighbours(long ImageId, string SourceUri, IReadOnlyList<Neighbour> Neighbours);
