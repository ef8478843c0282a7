using Clip.Core.Imaging.Decoding;
using Clip.Core.Tests.Models;
using Microsoft.Extensions.Logging;

namespace Clip.Core.Tests.Imaging.Decoding;

/// <summary>The choice of decoder, also on a machine without libturbojpeg (a library name that does not exist).
/// </summary>
public sealed class ImageDecoderFactoryTests
{
    private static readonly TurboJpegLibrary Missing =
        TurboJpegLibrary.Probe(["libturbojpeg-that-does-not-exist.so.0"]);

    [Fact]
    public void Probe_FileThatDoesNotExist_NotLoadedAndSaysWhatWasTried()
    {
        Assert.False(Missing.IsLoaded);
        Assert.Contains("libturbojpeg-that-does-not-exist.so.0", Missing.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TurboJpegWithoutLibrary_ThrowsSayingWhatToInstall()
    {
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(
            () => ImageDecoderFactory.Create(ImageDecoderKind.TurboJpeg, null, () => Missing));

        Assert.Contains("install the libturbojpeg0 package", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Auto or SkiaSharp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_AutoWithoutLibrary_SkiaSharpAndOneWarning()
    {
        var logger = new ListLogger();

        IImageDecoder decoder = ImageDecoderFactory.Create(ImageDecoderKind.Auto, logger, () => Missing);

        Assert.IsType<SkiaImageDecoder>(decoder);
        var warning = Assert.Single(logger.Lines, line => line.Level == LogLevel.Warning);
        Assert.StartsWith("libturbojpeg not found", warning.Message, StringComparison.Ordinal);
        Assert.Contains("install the libturbojpeg0 package", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_AutoWithLibrary_TurboJpegAndNoWarning()
    {
        var logger = new ListLogger();

        IImageDecoder decoder = ImageDecoderFactory.Create(ImageDecoderKind.Auto, logger);

        Assert.IsType<TurboJpegImageDecoder>(decoder);
        Assert.DoesNotContain(logger.Lines, line => line.Level >= LogLevel.Warning);
        Assert.Contains(logger.Lines, line => line.Message.Contains("TurboJPEG", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ImageDecoderKind.SkiaSharp, typeof(SkiaImageDecoder))]
    [InlineData(ImageDecoderKind.ImageSharp, typeof(ImageSharpImageDecoder))]
    public void Create_KindNotNeedingTheLibrary_WorksWithoutIt(ImageDecoderKind kind, Type expected)
    {
        IImageDecoder decoder = ImageDecoderFactory.Create(kind, null, () => Missing);

        Assert.IsType(expected, decoder);
    }

    [Fact]
    public void Decoder_DefaultOptions_IsAuto()
    {
        Assert.Equal(ImageDecoderKind.Auto, new ImageDecodingOptions().Decoder);
    }
}
