namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// The colour mode of an encoded image as the reference (Pillow) opens it, which decides the layout of the decoded
/// pixels and whether the preprocessing must resize with nearest neighbour.
/// </summary>
internal enum SourceMode
{
    /// <summary>1 bit per pixel (Pillow <c>1</c>).</summary>
    Bilevel,

    /// <summary>Grey, 8 bits or fewer (Pillow <c>L</c>).</summary>
    Gray,

    /// <summary>Grey, 16 bits (Pillow <c>I</c> or <c>I;16</c>).</summary>
    Gray16,

    /// <summary>Grey with alpha (Pillow <c>LA</c>).</summary>
    GrayAlpha,

    /// <summary>Red, green, blue (Pillow <c>RGB</c>).</summary>
    Rgb,

    /// <summary>Red, green, blue, alpha (Pillow <c>RGBA</c>).</summary>
    Rgba,

    /// <summary>Indexed colour (Pillow <c>P</c>).</summary>
    Palette,

    /// <summary>Cyan, magenta, yellow, black, including YCCK JPEG (Pillow <c>CMYK</c>).</summary>
    Cmyk,
}
