using System.Diagnostics;
using Clip.Core.Imaging;
using Clip.Core.Imaging.Decoding;

namespace Clip.Core.Tests.Imaging.Decoding;

/// <summary>A decode that does not finish in time becomes a Timeout error and releases the caller.</summary>
public sealed class TimeBoundTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMilliseconds(200);

    [Fact]
    public void Run_WorkIgnoringDeadline_TimesOutAndDisposesLateResult()
    {
        using var release = new ManualResetEventSlim();
        DecodedImage late = DecodedImage.Allocate(1, 1, PixelLayout.Gray8);
        var clock = Stopwatch.StartNew();

        ImageDecodeException error = Assert.Throws<ImageDecodeException>(() => TimeBound.Run(
            _ =>
            {
                release.Wait(TimeSpan.FromSeconds(30), CancellationToken.None);
                return late;
            },
            Deadline,
            CancellationToken.None));

        Assert.Equal(ImageDecodeError.Timeout, error.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"returned after {clock.Elapsed}");
        release.Set();
        bool disposed = SpinWait.SpinUntil(() => IsDisposed(late), TimeSpan.FromSeconds(10));
        Assert.True(disposed, "the late result was not disposed");
    }

    [Fact]
    public void Run_WorkObservingToken_TimesOut()
    {
        ImageDecodeException error = Assert.Throws<ImageDecodeException>(() => TimeBound.Run(
            token =>
            {
                token.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
                token.ThrowIfCancellationRequested();
                return DecodedImage.Allocate(1, 1, PixelLayout.Gray8);
            },
            Deadline,
            CancellationToken.None));

        Assert.Equal(ImageDecodeError.Timeout, error.Error);
    }

    [Fact]
    public void Run_CallerCancels_ThrowsOperationCanceled()
    {
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        Assert.ThrowsAny<OperationCanceledException>(() => TimeBound.Run(
            token =>
            {
                token.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
                token.ThrowIfCancellationRequested();
                return DecodedImage.Allocate(1, 1, PixelLayout.Gray8);
            },
            TimeSpan.FromSeconds(20),
            caller.Token));
    }

    [Fact]
    public void Run_WorkFailsWithDecodeError_PassesItThrough()
    {
        ImageDecodeException error = Assert.Throws<ImageDecodeException>(() => TimeBound.Run(
            _ => throw new ImageDecodeException(ImageDecodeError.Corrupt, "bad"), Deadline, CancellationToken.None));

        Assert.Equal((ImageDecodeError.Corrupt, "bad"), (error.Error, error.Message));
    }

    [Theory]
    [InlineData(TestDecoders.Skia)]
    [InlineData(TestDecoders.ImageSharp)]
    public void Decode_PanoramaWithTinyTimeout_TimesOut(string decoder)
    {
        byte[] bytes = File.ReadAllBytes(ImageCorpus.EdgePath("libwebp_bryce_panorama_11158x2156.webp"));
        var request = ImageDecodeRequest.Default with { Timeout = TimeSpan.FromMilliseconds(1) };

        ImageDecodeException error = Assert.Throws<ImageDecodeException>(
            () => TestDecoders.Create(decoder).Decode(bytes, request, CancellationToken.None));

        Assert.Equal(ImageDecodeError.Timeout, error.Error);
    }

    private static bool IsDisposed(DecodedImage image)
    {
        try
        {
            _ = image.Pixels;
            return false;
        }
        catch (ObjectDisposedException)
        {
            return true;
        }
    }
}
