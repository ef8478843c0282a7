using Clip.Core.Imaging;
using Clip.Core.Imaging.Decoding;

namespace Clip.Core.Tests.Imaging.Decoding;

/// <summary>The request's limits and its reduced-size JPEG decoding.</summary>
public sealed class DecodeLimitsTests
{
    private const int CatWidth = 226;
    private const int CatHeight = 150;

    public static TheoryData<string> Decoders() => new(TestDecoders.All);

    [Theory]
    [MemberData(nameof(Decoders))]
    public void Decode_FileOverByteLimit_TooLarge(string decoder)
    {
        byte[] bytes = Edge("png_named_as.jpg");

        ImageDecodeException error = Assert.Throws<ImageDecodeException>(
            () => Decode(decoder, bytes, TestDecoders.Request with { MaxFileBytes = bytes.Length - 1 }));

        Assert.Equal(ImageDecodeError.TooLarge, error.Error);
    }

    [Theory]
    [MemberData(nameof(Decoders))]
    public void Decode_OnePixelOverLimit_TooLarge(string decoder)
    {
        byte[] bytes = Edge("exif_orientation_1.jpg");

        ImageDecodeException error = Assert.Throws<ImageDecodeException>(
            () => Decode(decoder, bytes, TestDecoders.Request with { MaxPixels = (CatWidth * CatHeight) - 1 }));

        Assert.Equal(ImageDecodeError.TooLarge, error.Error);
        Assert.Contains("226x150", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Decoders))]
    public void Decode_ExactlyAtPixelAndSideLimits_Decodes(string decoder)
    {
        var request = TestDecoders.Request with { MaxPixels = CatWidth * CatHeight, MaxDimension = CatWidth };

        using DecodedImage image = Decode(decoder, Edge("exif_orientation_1.jpg"), request);

        Assert.Equal((CatWidth, CatHeight), (image.Width, image.Height));
    }

    [Theory]
    [MemberData(nameof(Decoders))]
    public void Decode_SideOverLimit_TooLarge(string decoder)
    {
        ImageDecodeException error = Assert.Throws<ImageDecodeException>(
            () => Decode(decoder, Edge("png_wide_10000x1.png"), TestDecoders.Request with { MaxDimension = 9999 }));

        Assert.Equal(ImageDecodeError.TooLarge, error.Error);
    }

    [Theory]
    [InlineData(224, 640, 400)]
    [InlineData(500, 1280, 800)]
    [InlineData(1000, 2560, 1600)]
    public void Decode_SkiaWithMinimumShortSide_PicksSmallestScaleAboveIt(int shortSide, int width, int height)
    {
        byte[] bytes = File.ReadAllBytes(ImageCorpus.RealPath("mate_Aqua.jpg"));

        var request = TestDecoders.Request with { MinimumShortSide = shortSide };

        using DecodedImage image = Decode(TestDecoders.Skia, bytes, request);

        Assert.Equal((width, height), (image.Width, image.Height));
    }

    [Theory]
    [InlineData(TestDecoders.ImageSharp, "mate_Aqua.jpg", 2560, 1600)]
    [InlineData(TestDecoders.Skia, "kodak_kodim23.png", 768, 512)]
    public void Decode_MinimumShortSideWhereNoReducedDecodeExists_DecodesFullSize(
        string decoder, string file, int width, int height)
    {
        byte[] bytes = File.ReadAllBytes(ImageCorpus.RealPath(file));

        using DecodedImage image = Decode(decoder, bytes, TestDecoders.Request with { MinimumShortSide = 224 });

        Assert.Equal((width, height), (image.Width, image.Height));
    }

    [Fact]
    public void Decode_280MegapixelJpegWithMinimumShortSide_SkiaDecodesAtOneEighth()
    {
        byte[] bytes = Edge("sharp_jpeg_20000x14000.jpg");
        var request = TestDecoders.Request with { MinimumShortSide = 224 };

        using DecodedImage image = Decode(TestDecoders.Skia, bytes, request);
        ImageDecodeException error = Assert.Throws<ImageDecodeException>(
            () => Decode(TestDecoders.ImageSharp, bytes, request));

        Assert.Equal((2500, 1750, PixelLayout.Gray8), (image.Width, image.Height, image.Layout));
        Assert.Equal(ImageDecodeError.TooLarge, error.Error);
    }

    [Theory]
    [InlineData("html_404_error_page.jpg", ImageDecodeError.NotAnImage, "HTML")]
    [InlineData("pdf_named.jpg", ImageDecodeError.NotAnImage, "PDF")]
    [InlineData("s3_access_denied.jpg", ImageDecodeError.NotAnImage, "XML")]
    [InlineData("plain_text_named.jpg", ImageDecodeError.NotAnImage, "plain text")]
    [InlineData("svg_billion_laughs.svg", ImageDecodeError.Unsupported, "SVG")]
    [InlineData("libheif_example.heic", ImageDecodeError.Unsupported, "HEIF")]
    [InlineData("zero_bytes.jpg", ImageDecodeError.Empty, "empty")]
    public void Decode_FileThatIsNotAnImageWeRead_SaysWhatItIs(string file, ImageDecodeError kind, string named)
    {
        ImageDecodeException error = Assert.Throws<ImageDecodeException>(
            () => Decode(TestDecoders.Default, Edge(file)));

        Assert.Equal(kind, error.Error);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(ImageDecodeRequest.MaxFileBytes))]
    [InlineData(nameof(ImageDecodeRequest.MaxPixels))]
    [InlineData(nameof(ImageDecodeRequest.MaxDimension))]
    [InlineData(nameof(ImageDecodeRequest.Timeout))]
    [InlineData(nameof(ImageDecodeRequest.MinimumShortSide))]
    public void Decode_RequestSettingOutOfRange_ThrowsNamingIt(string setting)
    {
        ImageDecodeRequest request = setting switch
        {
            nameof(ImageDecodeRequest.MaxFileBytes) => ImageDecodeRequest.Default with { MaxFileBytes = 0 },
            nameof(ImageDecodeRequest.MaxPixels) => ImageDecodeRequest.Default with { MaxPixels = -1 },
            nameof(ImageDecodeRequest.MaxDimension) => ImageDecodeRequest.Default with { MaxDimension = 0 },
            nameof(ImageDecodeRequest.Timeout) => ImageDecodeRequest.Default with { Timeout = TimeSpan.Zero },
            _ => ImageDecodeRequest.Default with { MinimumShortSide = 0 },
        };

        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(
            () => Decode(TestDecoders.Default, Edge("png_1x1.png"), request));

        Assert.Equal(setting, error.ParamName);
    }

    [Fact]
    public void Decode_CancelledToken_ThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        IImageDecoder decoder = TestDecoders.Create(TestDecoders.Default);

        Assert.ThrowsAny<OperationCanceledException>(
            () => decoder.Decode(Edge("png_1x1.png"), TestDecoders.Request, cancelled.Token));
    }

    private static byte[] Edge(string file) => File.ReadAllBytes(ImageCorpus.EdgePath(file));

    private static DecodedImage Decode(string decoder, byte[] bytes, ImageDecodeRequest? request = null) =>
        TestDecoders.Create(decoder).Decode(bytes, request ?? TestDecoders.Request, CancellationToken.None);
}
