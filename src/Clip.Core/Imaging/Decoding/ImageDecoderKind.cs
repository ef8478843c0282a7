namespace Clip.Core.Imaging.Decoding;

/// <summary>Which image library decodes the pixels.</summary>
public enum ImageDecoderKind
{
    /// <summary>
    /// SkiaSharp (Skia's codecs: libjpeg-turbo without SIMD, libpng, libwebp, Skia's own GIF/BMP/ICO readers), with
    /// TIFF, which Skia does not read, and 16-bit PNG, which it does not decode exactly, handed to ImageSharp.
    /// </summary>
    SkiaSharp,

    /// <summary>SixLabors.ImageSharp 2.1 (managed code) for every format.</summary>
    ImageSharp,

    /// <summary>
    /// The system's libjpeg-turbo (libturbojpeg, with SIMD) for JPEG, <see cref="SkiaSharp"/> for everything else
    /// (and for CMYK/YCCK JPEG). Needs the libturbojpeg0 package; asking for it without the library is an error.
    /// </summary>
    TurboJpeg,

    /// <summary>
    /// <see cref="TurboJpeg"/> when libturbojpeg can be loaded, otherwise <see cref="SkiaSharp"/> (with a warning
    /// where the decoder is created). The default.
    /// </summary>
    Auto,
}
