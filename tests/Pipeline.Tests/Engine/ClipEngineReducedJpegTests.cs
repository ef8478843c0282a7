using Clip.Core.Tests;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Processing.Engine;
using Pipeline.Tests.Curation;

namespace Pipeline.Tests.Engine;

public sealed class ClipEngineReducedJpegTests
{
    // 1800x1200 as stored, EXIF orientation 6: upright it is 1200x1800, and 1/4 scale still covers 224.
    private static readonly string Portrait = SharedData.PathOf("images", "real", "recurser_Portrait_6.jpg");

    [Fact]
    public void PrepareImage_ReducedJpegDecoding_KeepsTheFullUprightSizeAndNearlyTheSamePixels()
    {
        byte[] file = File.ReadAllBytes(Portrait);

        (PreparedImage exact, float[] exactPixels) = Prepare(file, reduced: false);
        (PreparedImage reduced, float[] reducedPixels) = Prepare(file, reduced: true);

        Assert.Equal(new PreparedImage(1200, 1800), exact);
        Assert.Equal(exact, reduced);
        Assert.NotEqual(exactPixels, reducedPixels);
        double meanDifference = exactPixels.Zip(reducedPixels, (a, b) => Math.Abs(a - b)).Average();
        Assert.InRange(meanDifference, 0, 0.03);
    }

    private static (PreparedImage Image, float[] Pixels) Prepare(byte[] file, bool reduced)
    {
        var options = new ClipEngineOptions
        {
            ModelDirectory = TinyCorpus.ModelDirectory,
            ReducedJpegDecoding = reduced,
        };
        using ClipEngine engine = ClipEngine.Create(options, NullLogger.Instance);
        float[] pixels = new float[engine.ImageTensorLength];
        PreparedImage image = engine.PrepareImage(file, pixels, CancellationToken.None);
        return (image, pixels);
    }
}
