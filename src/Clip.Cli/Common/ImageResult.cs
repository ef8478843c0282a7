namespace Clip.Cli.Common;

/// <summary>The outcome for one image: its embedding, or why there is none.</summary>
/// <param name="Path">The image file.</param>
/// <param name="Embedding">The unit-length embedding, or null when the image failed.</param>
/// <param name="Error">Why the image failed, or null.</param>
internal sealed record ImageResult(string Path, float[]? Embedding, string? Error);
