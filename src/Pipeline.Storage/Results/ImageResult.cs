namespace Pipeline.Storage.Results;

/// <summary>
/// The outcome for one image of a batch: an embedding (with labels when the job asked for them) or a failure.
/// </summary>
/// <param name="Uri">The image's URI.</param>
/// <param name="Embedding">The L2-normalised embedding, or null when the image failed.</param>
/// <param name="Labels">Labels per label set, best first; empty when none were asked for.</param>
/// <param name="Failure">Why the image failed, or null.</param>
/// <param name="ContentSha256">Hex SHA-256 of the image bytes, when they were read.</param>
/// <param name="Width">Width of the decoded image as displayed (after EXIF orientation), or 0.</param>
/// <param name="Height">Height as displayed, or 0.</param>
/// <param name="ByteSize">Size of the image file in bytes, or 0 when it was not read.</param>
/// <param name="Moderation">Scores per moderation policy; null or empty when none were asked for.</param>
public sealed record ImageResult(
    string Uri,
    float[]? Embedding,
    IReadOnlyList<ImageLabel> Labels,
    ImageResultFailure? Failure,
    string? ContentSha256,
    int Width,
    int Height,
    long ByteSize = 0,
    IReadOnlyList<ImageModeration>? Moderation = null)
{
    /// <summary>The moderation scores, never null.</summary>
    public IReadOnlyList<ImageModeration> ModerationList => Moderation ?? [];

    /// <summary>True when the image has an embedding.</summary>
    public bool Succeeded => Embedding is not null;
}
