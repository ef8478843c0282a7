namespace Clip.Core.Probes;

/// <summary>An image file that could not be read or decoded, and why.</summary>
/// <param name="Path">The file.</param>
/// <param name="Reason">The error message, without pixel data.</param>
public sealed record ImageFileFailure(string Path, string Reason);
