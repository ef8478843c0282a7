namespace Clip.Core.Imaging.Decoding;

/// <summary>Which image library decodes the pixels.</summary>
public enum ImageDecoderKind
{
    /// <summary>
    /// SkiaSharp (Skia's codecs: libjpeg-turbo, libpng, libwebp, Skia's own GIF/BMP/ICO readers), with TIFF, which
    /// Skia does not read, and 16-bit PNG, which it does not decode exactly, handed to ImageSharp. The default.
    /// </summary>
    SkiaSharp,

    /// <summary>SixLabors.ImageSharp 2.1 (managed code) for every format.</summary>
    ImageSharp,
}
