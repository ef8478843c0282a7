using Clip.Core.Imaging;
using Clip.Core.Imaging.Decoding;

namespace Clip.Core.Tests.Imaging.Decoding;

/// <summary>
/// The TurboJPEG decoder's own behaviour: what it reports for damaged data, its scan limit, reduced-size decoding and
/// what it hands to SkiaSharp. These tests need libturbojpeg and fail (saying what to install) without it.
/// </summary>
public sealed class TurboJpegImageDecoderTests
{
    [Fact]
    public void Default_OnTestMachine_LoadsWithEveryReducedScale()
    {
        TurboJpegLibrary library = TurboJpegLibrary.Default;

        Assert.True(library.IsLoaded, library.IsLoaded ? null : library.DescribeMissing());
        Assert.Equal([8, 4, 2], library.ScaleDenominators);
        Assert.Equal(ImageDecoderKind.TurboJpeg, ImageDecoderFactory.Resolve(ImageDecoderKind.Auto));
    }

    [Fact]
    public void Decode_ScanCutShortBeforeEndMarker_TruncatedWithLibraryMessage()
    {
        byte[] bytes = CraftedJpegs.ScanCutInHalf(Edge("exif_orientation_1.jpg"));

        ImageDecodeException error = Assert.Throws<ImageDecodeException>(() => Decode(bytes));

        Assert.Equal(ImageDecodeError.Truncated, error.Error);
        Assert.Contains("libjpeg-turbo", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jpeg_wrong_huffman_tables.jpg", "extraneous bytes")]
    [InlineData("jd_progressive_missing_dc.jpg", "Inconsistent progression")]
    public void Decode_DamagedDataTheLibraryOnlyWarnsAbout_CorruptWithItsWarning(string file, string warning)
    {
        ImageDecodeException error = Assert.Throws<ImageDecodeException>(() => Decode(Edge(file)));

        Assert.Equal(ImageDecodeError.Corrupt, error.Error);
        Assert.Contains(warning, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ProgressiveJpegWithOver500Scans_CorruptFromScanLimit()
    {
        const int bands = 63;
        byte[] bytes = CraftedJpegs.Progressive(singleCoefficientBands: bands);

        ImageDecodeException error = Assert.Throws<ImageDecodeException>(() => Decode(bytes));

        Assert.True(CraftedJpegs.ScanCount(bands) > 500);
        Assert.Equal(ImageDecodeError.Corrupt, error.Error);
        Assert.Contains("more than 500 scans", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_SameScanScriptUnder500Scans_DecodesFlatGrey()
    {
        const int bands = 20;
        byte[] bytes = CraftedJpegs.Progressive(singleCoefficientBands: bands);

        using DecodedImage image = Decode(bytes);

        Assert.True(CraftedJpegs.ScanCount(bands) is > 100 and < 500);
        Assert.Equal((8, 8, PixelLayout.Gray8), (image.Width, image.Height, image.Layout));
        Assert.All(image.Pixels.ToArray(), sample => Assert.Equal(128, sample));
    }

    [Theory]
    [InlineData(224, 640, 400)]
    [InlineData(500, 1280, 800)]
    [InlineData(1000, 2560, 1600)]
    public void Decode_MinimumShortSide_PicksSmallestScaleAboveIt(int shortSide, int width, int height)
    {
        byte[] bytes = File.ReadAllBytes(ImageCorpus.RealPath("mate_Aqua.jpg"));

        using DecodedImage image = Decode(bytes, TestDecoders.Request with { MinimumShortSide = shortSide });

        Assert.Equal((width, height, PixelLayout.Rgb8), (image.Width, image.Height, image.Layout));
    }

    [Fact]
    public void Decode_280MegapixelJpeg_TooLargeAtFullSizeAndOneEighthWithMinimumShortSide()
    {
        byte[] bytes = Edge("sharp_jpeg_20000x14000.jpg");

        ImageDecodeException error = Assert.Throws<ImageDecodeException>(() => Decode(bytes));
        using DecodedImage image = Decode(bytes, TestDecoders.Request with { MinimumShortSide = 224 });

        Assert.Equal(ImageDecodeError.TooLarge, error.Error);
        Assert.Equal((2500, 1750, PixelLayout.Gray8), (image.Width, image.Height, image.Layout));
    }

    [Theory]
    [InlineData("jpeg_cmyk.jpg")]
    [InlineData("pillow_ycck_adobe_transform2.jpg")]
    [InlineData("jpeg_odd_sampling_4x1_2x1_2x2.jpg")]
    public void Decode_JpegTurboJpegCannotTurnIntoRgb_SkiaSharpDecodesIt(string file)
    {
        byte[] bytes = Edge(file);

        using DecodedImage image = Decode(bytes);
        using DecodedImage skia = TestDecoders.DecodeWithin(TestDecoders.Create(TestDecoders.Skia), bytes);

        Assert.Equal((skia.Width, skia.Height, PixelLayout.Rgb8), (image.Width, image.Height, image.Layout));
        Assert.Equal(skia.Pixels.ToArray(), image.Pixels.ToArray());
    }

    private static byte[] Edge(string file) => File.ReadAllBytes(ImageCorpus.EdgePath(file));

    private static DecodedImage Decode(byte[] bytes, ImageDecodeRequest? request = null) =>
        TestDecoders.DecodeWithin(TestDecoders.Create(TestDecoders.TurboJpeg), bytes, request);
}
