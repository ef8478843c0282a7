namespace Pipeline.Storage;

/// <summary>An image of a job that could not be processed, and why.</summary>
/// <param name="JobId">Job the image belongs to.</param>
/// <param name="SourceUri">Where the image was to be read from.</param>
/// <param name="Kind">Short machine-readable kind, for example <c>not_found</c>, <c>fetch_failed</c> or
/// <c>decode_failed</c>.</param>
/// <param name="Reason">Human-readable reason.</param>
public sealed record ImageError(Guid JobId, string SourceUri, string Kind, string Reason);
