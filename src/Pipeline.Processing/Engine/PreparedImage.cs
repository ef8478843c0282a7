namespace Pipeline.Processing.Engine;

/// <summary>Facts about an image that was preprocessed.</summary>
/// <param name="Width">Width as displayed (after EXIF orientation).</param>
/// <param name="Height">Height as displayed.</param>
public readonly record struct PreparedImage(int Width, int Height);
