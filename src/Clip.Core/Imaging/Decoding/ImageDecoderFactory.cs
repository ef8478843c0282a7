namespace Clip.Core.Imaging.Decoding;

/// <summary>Creates the decoder for an <see cref="ImageDecoderKind"/>.</summary>
public static class ImageDecoderFactory
{
    /// <summary>
    /// The decoder of <paramref name="kind"/>. <see cref="ImageDecoderKind.SkiaSharp"/> hands TIFF and 16-bit PNG to
    /// ImageSharp; <see cref="ImageDecoderKind.ImageSharp"/> reads everything itself.
    /// </summary>
    public static IImageDecoder Create(ImageDecoderKind kind) => kind switch
    {
        ImageDecoderKind.SkiaSharp => new SkiaImageDecoder(fallback: new ImageSharpImageDecoder()),
        ImageDecoderKind.ImageSharp => new ImageSharpImageDecoder(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown image decoder kind."),
    };
}
