namespace Clip.Core.Imaging.Preprocessing;

/// <summary>An opaque 8-bit sRGB colour.</summary>
/// <param name="Red">Red, 0..255.</param>
/// <param name="Green">Green, 0..255.</param>
/// <param name="Blue">Blue, 0..255.</param>
public readonly record struct RgbColor(byte Red, byte Green, byte Blue)
{
    /// <summary>White (255, 255, 255).</summary>
    public static RgbColor White { get; } = new(255, 255, 255);

    /// <summary>Black (0, 0, 0).</summary>
    public static RgbColor Black { get; } = new(0, 0, 0);
}
