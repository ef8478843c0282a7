namespace Clip.Core.Imaging;

/// <summary>
/// How the samples of a <see cref="DecodedImage"/> are laid out. The layouts follow the image modes that the
/// reference preprocessing distinguishes, because resizing happens in the image's own mode before conversion to RGB.
/// </summary>
public enum PixelLayout
{
    /// <summary>One 8-bit grey sample per pixel (Pillow mode <c>L</c>).</summary>
    Gray8,

    /// <summary>8-bit grey and alpha (Pillow mode <c>LA</c>).</summary>
    GrayAlpha8,

    /// <summary>8-bit red, green, blue (Pillow mode <c>RGB</c>).</summary>
    Rgb8,

    /// <summary>8-bit red, green, blue, straight (not premultiplied) alpha (Pillow mode <c>RGBA</c>).</summary>
    Rgba8,

    /// <summary>8-bit cyan, magenta, yellow, black, with any Adobe inversion already undone (Pillow mode
    /// <c>CMYK</c>).</summary>
    Cmyk8,

    /// <summary>One 16-bit grey sample per pixel, stored as native-endian <see cref="ushort"/> (Pillow mode
    /// <c>I</c>).</summary>
    Gray16,
}
