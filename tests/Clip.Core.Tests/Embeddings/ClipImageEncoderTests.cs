using Clip.Core.Embeddings;
using Clip.Core.Models;
using Clip.Core.Tests.Models;

namespace Clip.Core.Tests.Embeddings;

/// <summary>
/// Runs the arithmetic test graphs, whose image embedding is the per-channel mean of the pixels, so every
/// expected value below is worked out by hand.
/// </summary>
public sealed class ClipImageEncoderTests
{
    private const int PixelsPerChannel = 4 * 4;

    [Fact]
    public void Encode_ConstantChannels_ReturnsNormalisedChannelMeans()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        using ClipModel model = TestModels.Load(folder.Path);

        EmbeddingBatch batch = model.ImageEncoder.Encode(Images((1, 2, 3)), 1);

        // [1, 2, 3] / sqrt(1 + 4 + 9)
        Assert.Equal(1, batch.Count);
        AssertClose([0.26726124f, 0.53452248f, 0.80178373f], batch[0]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Encode_MoreImagesThanMaxBatchSize_ReturnsEveryImageInOrder(bool combined)
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic(combined: combined);
        var options = new ClipModelOptions { ExecutionProvider = ExecutionProviderPreference.Cpu, MaxBatchSize = 2 };
        using ClipModel model = TestModels.Load(folder.Path, options);

        float[] images = Images((3, 0, 4), (0, 5, 12), (1, 0, 0), (0, 0, 2), (6, 8, 0));

        EmbeddingBatch batch = model.ImageEncoder.Encode(images, 5);

        // Each image's channel means are a 3-4-5, 5-12-13 or 6-8-10 triangle, or an axis.
        Assert.Equal(5, batch.Count);
        AssertClose([0.6f, 0f, 0.8f], batch[0]);
        AssertClose([0f, 5f / 13, 12f / 13], batch[1]);
        AssertClose([1f, 0f, 0f], batch[2]);
        AssertClose([0f, 0f, 1f], batch[3]);
        AssertClose([0.6f, 0.8f, 0f], batch[4]);
    }

    [Fact]
    public void Encode_NoImages_ReturnsEmptyBatch()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        using ClipModel model = TestModels.Load(folder.Path);

        EmbeddingBatch batch = model.ImageEncoder.Encode([], 0);

        Assert.Equal(0, batch.Count);
        Assert.Equal(3, batch.Dimension);
    }

    [Fact]
    public void Encode_ValuesNotMatchingCount_ThrowsArgumentException()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        using ClipModel model = TestModels.Load(folder.Path);

        Assert.Throws<ArgumentException>(() => model.ImageEncoder.Encode(Images((1, 2, 3)), 2));
    }

    [Fact]
    public void Encode_CancelledToken_ThrowsOperationCanceled()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        using ClipModel model = TestModels.Load(folder.Path);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(
            () => model.ImageEncoder.Encode(Images((1, 2, 3)), 1, cancellation.Token));
    }

    /// <summary>Images laid out [n, 3, 4, 4] whose channels hold the given constant values.</summary>
    private static float[] Images(params (float R, float G, float B)[] channels)
    {
        float[] values = new float[channels.Length * 3 * PixelsPerChannel];
        for (int i = 0; i < channels.Length; i++)
        {
            float[] rgb = [channels[i].R, channels[i].G, channels[i].B];
            for (int c = 0; c < 3; c++)
            {
                values.AsSpan(((i * 3) + c) * PixelsPerChannel, PixelsPerChannel).Fill(rgb[c]);
            }
        }

        return values;
    }

    private static void AssertClose(float[] expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-6f, $"[{i}]: expected {expected[i]}, got {actual[i]}");
        }
    }
}
