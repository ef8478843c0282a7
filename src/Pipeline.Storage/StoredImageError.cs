namespace Pipeline.Storage;

/// <summary>An image error as stored, with the time it was last recorded.</summary>
/// <param name="Error">The error.</param>
/// <param name="OccurredAt">When it was recorded; a redelivered batch updates it.</param>
public sealed record StoredImageError(ImageError Error, DateTimeOffset OccurredAt);
