using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clip.Core.Imaging.Decoding;

/// <summary>Creates the decoder for an <see cref="ImageDecoderKind"/>.</summary>
public static class ImageDecoderFactory
{
    /// <summary>
    /// The decoder of <paramref name="kind"/>. <see cref="ImageDecoderKind.SkiaSharp"/> hands TIFF and 16-bit PNG to
    /// ImageSharp; <see cref="ImageDecoderKind.TurboJpeg"/> hands every other format to that SkiaSharp decoder;
    /// <see cref="ImageDecoderKind.ImageSharp"/> reads everything itself; <see cref="ImageDecoderKind.Auto"/> is
    /// TurboJpeg when libturbojpeg loads, else SkiaSharp, and then logs one warning to
    /// <paramref name="logger"/> saying what to install.
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="ImageDecoderKind.TurboJpeg"/> was asked for and
    /// libturbojpeg cannot be loaded; the message says what to install.</exception>
    public static IImageDecoder Create(ImageDecoderKind kind, ILogger? logger = null) =>
        Create(kind, logger, static () => TurboJpegLibrary.Default);

    /// <summary>
    /// The kind <paramref name="kind"/> stands for on this machine: <see cref="ImageDecoderKind.Auto"/> becomes
    /// <see cref="ImageDecoderKind.TurboJpeg"/> or <see cref="ImageDecoderKind.SkiaSharp"/>; others stay.
    /// </summary>
    public static ImageDecoderKind Resolve(ImageDecoderKind kind) => kind != ImageDecoderKind.Auto ? kind
        : TurboJpegLibrary.Default.IsLoaded ? ImageDecoderKind.TurboJpeg
        : ImageDecoderKind.SkiaSharp;

    /// <summary>As the public overload, with the TurboJPEG library given (a test seam for a missing one).</summary>
    internal static IImageDecoder Create(ImageDecoderKind kind, ILogger? logger, Func<TurboJpegLibrary> turboJpeg)
    {
        logger ??= NullLogger.Instance;
        IImageDecoder decoder = kind switch
        {
            ImageDecoderKind.SkiaSharp => Skia(),
            ImageDecoderKind.ImageSharp => new ImageSharpImageDecoder(),
            ImageDecoderKind.TurboJpeg => new TurboJpegImageDecoder(Skia(), turboJpeg()),
            ImageDecoderKind.Auto => Automatic(turboJpeg(), logger),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown image decoder kind."),
        };
        ImageDecodingLog.DecoderChosen(logger, decoder.Name);
        return decoder;
    }

    private static SkiaImageDecoder Skia() => new(fallback: new ImageSharpImageDecoder());

    private static IImageDecoder Automatic(TurboJpegLibrary turboJpeg, ILogger logger)
    {
        if (turboJpeg.IsLoaded)
        {
            return new TurboJpegImageDecoder(Skia(), turboJpeg);
        }

        ImageDecodingLog.TurboJpegMissing(logger, turboJpeg.Problem!, TurboJpegLibrary.DebianPackage);
        return Skia();
    }
}
