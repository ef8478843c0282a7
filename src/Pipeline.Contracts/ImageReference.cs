namespace Pipeline.Contracts;

/// <summary>One image of a job, by the URI its source resolves (a file path URI or a blob URL).</summary>
/// <param name="Uri">Where the image is read from; also its identity in results.</param>
/// <param name="ByteSize">Size reported by the listing, when the source knows it.</param>
public sealed record ImageReference(string Uri, long? ByteSize = null);
