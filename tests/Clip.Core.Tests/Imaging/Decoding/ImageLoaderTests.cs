using Clip.Core.Imaging;
using Clip.Core.Imaging.Decoding;

namespace Clip.Core.Tests.Imaging.Decoding;

/// <summary>Loading from files and streams, with the byte limit and the orientation option.</summary>
public sealed class ImageLoaderTests
{
    private static readonly TimeSpan TestTimeout = TestDecoders.Request.Timeout;

    [Fact]
    public async Task LoadFileAsync_SidewaysPortrait_IsTurnedUprightByDefault()
    {
        var loader = new ImageLoader(new ImageDecodingOptions { Timeout = TestTimeout });

        using DecodedImage image = await loader.LoadFileAsync(ImageCorpus.RealPath("recurser_Portrait_6.jpg"), default);

        Assert.Equal((1200, 1800, 1), (image.Width, image.Height, image.ExifOrientation));
    }

    [Fact]
    public async Task LoadFileAsync_OrientationOff_KeepsStoredPixelsAndReportsTag()
    {
        var loader = new ImageLoader(new ImageDecodingOptions { ApplyExifOrientation = false, Timeout = TestTimeout });

        using DecodedImage image = await loader.LoadFileAsync(ImageCorpus.RealPath("recurser_Portrait_6.jpg"), default);

        Assert.Equal((1800, 1200, 6), (image.Width, image.Height, image.ExifOrientation));
    }

    [Theory]
    [InlineData(ImageDecoderKind.SkiaSharp)]
    [InlineData(ImageDecoderKind.ImageSharp)]
    public async Task LoadFileAsync_UnicodeFileName_Loads(ImageDecoderKind kind)
    {
        var loader = new ImageLoader(new ImageDecodingOptions { Decoder = kind, Timeout = TestTimeout });

        string path = ImageCorpus.EdgePath("café_ünïcødé_写真.jpg");

        using DecodedImage image = await loader.LoadFileAsync(path, default);

        Assert.Equal((226, 150), (image.Width, image.Height));
    }

    [Fact]
    public async Task LoadFileAsync_FileOverByteLimit_TooLarge()
    {
        var loader = new ImageLoader(new ImageDecodingOptions { MaxFileBytes = 1000 });

        ImageDecodeException error = await Assert.ThrowsAsync<ImageDecodeException>(
            () => loader.LoadFileAsync(ImageCorpus.EdgePath("png_named_as.jpg"), default));

        Assert.Equal(ImageDecodeError.TooLarge, error.Error);
    }

    [Fact]
    public async Task LoadAsync_UnseekableStreamOverByteLimit_TooLarge()
    {
        var loader = new ImageLoader(new ImageDecodingOptions { MaxFileBytes = 100_000 });
        using var stream = new ForwardOnlyStream(new byte[200_000]);

        ImageDecodeException error = await Assert.ThrowsAsync<ImageDecodeException>(
            () => loader.LoadAsync(stream, default));

        Assert.Equal(ImageDecodeError.TooLarge, error.Error);
        Assert.True(stream.BytesRead <= 100_000 + 81920, $"read {stream.BytesRead} bytes");
    }

    [Fact]
    public async Task LoadAsync_UnseekableStream_DecodesItsContent()
    {
        var loader = new ImageLoader(new ImageDecodingOptions { Timeout = TestTimeout });
        using var stream = new ForwardOnlyStream(File.ReadAllBytes(ImageCorpus.EdgePath("gif_named_as.jpeg")));

        using DecodedImage image = await loader.LoadAsync(stream, default);

        Assert.Equal((226, 150), (image.Width, image.Height));
        Assert.Equal((PixelLayout.Rgb8, true), (image.Layout, image.NearestResample));
    }

    [Theory]
    [InlineData(nameof(ImageDecodingOptions.MaxPixels))]
    [InlineData(nameof(ImageDecodingOptions.Timeout))]
    [InlineData(nameof(ImageDecodingOptions.Decoder))]
    public void Constructor_InvalidSetting_FailsNamingItsKey(string setting)
    {
        var options = new ImageDecodingOptions();
        switch (setting)
        {
            case nameof(ImageDecodingOptions.MaxPixels):
                options.MaxPixels = 0;
                break;
            case nameof(ImageDecodingOptions.Timeout):
                options.Timeout = TimeSpan.FromSeconds(-1);
                break;
            default:
                options.Decoder = (ImageDecoderKind)42;
                break;
        }

        ArgumentException error = Assert.Throws<ArgumentException>(() => new ImageLoader(options));

        Assert.Contains($"ImageDecoding:{setting}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_DecodeRequest_CarriesTheDocumentedLimits()
    {
        ImageDecodeRequest request = new ImageDecodingOptions().ToRequest();

        Assert.Equal(
            (64L * 1024 * 1024, 8192L * 8192, 32768, TimeSpan.FromSeconds(10), (int?)null),
            (request.MaxFileBytes, request.MaxPixels, request.MaxDimension, request.Timeout, request.MinimumShortSide));
    }

    private sealed class ForwardOnlyStream(byte[] content) : MemoryStream(content)
    {
        public long BytesRead { get; private set; }

        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int read = Read(buffer.Span);
            BytesRead += read;
            return ValueTask.FromResult(read);
        }
    }
}
