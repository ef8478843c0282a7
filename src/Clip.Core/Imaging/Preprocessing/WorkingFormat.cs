namespace Clip.Core.Imaging.Preprocessing;

/// <summary>The sample layout the resize works in, which decides how the result becomes RGB.</summary>
internal enum WorkingFormat
{
    /// <summary>8-bit grey.</summary>
    Gray,

    /// <summary>8-bit grey and straight alpha.</summary>
    GrayAlpha,

    /// <summary>8-bit grey premultiplied by alpha, and alpha.</summary>
    GrayAlphaPremultiplied,

    /// <summary>8-bit red, green, blue.</summary>
    Rgb,

    /// <summary>8-bit red, green, blue and straight alpha.</summary>
    Rgba,

    /// <summary>8-bit red, green, blue premultiplied by alpha, and alpha.</summary>
    RgbaPremultiplied,

    /// <summary>8-bit cyan, magenta, yellow, black.</summary>
    Cmyk,

    /// <summary>16-bit grey, resized in 32-bit integers.</summary>
    Gray16,
}
