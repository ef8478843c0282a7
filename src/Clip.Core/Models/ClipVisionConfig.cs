namespace Clip.Core.Models;

/// <summary>The vision tower settings read from <c>config.json</c> (<c>vision_config</c>).</summary>
/// <param name="ImageSize">The square input size in pixels (<c>image_size</c>), or null when not given.</param>
public sealed record ClipVisionConfig(int? ImageSize);
