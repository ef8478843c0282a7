using Clip.Core.Embeddings;
using Clip.Core.Moderation;
using Clip.Core.Probes;

namespace Clip.Core.Tests.Moderation;

public sealed class MemeFeaturesTests
{
    [Fact]
    public void Combine_ImageAndText_ConcatenatesThemAndTheirProduct()
    {
        // image (0.6, 0.8), text (1, 0): product (0.6, 0); result (0.6, 0.8, 1, 0, 0.6, 0).
        float[] destination = new float[6];

        MemeFeatures.Combine([0.6f, 0.8f], [1f, 0f], destination);

        Assert.Equal([0.6f, 0.8f, 1f, 0f, 0.6f, 0f], destination);
    }

    [Fact]
    public void Combine_Batches_CombinesRowWithRowOfSameIndex()
    {
        var images = new EmbeddingBatch([1f, 0f, 0f, 1f], 2);
        var texts = new EmbeddingBatch([0f, 1f, 0f, 1f], 2);

        EmbeddingBatch combined = MemeFeatures.Combine(images, texts);

        Assert.Equal(6, combined.Dimension);
        Assert.Equal([1f, 0f, 0f, 1f, 0f, 0f], combined[0].ToArray());
        Assert.Equal([0f, 1f, 0f, 1f, 0f, 1f], combined[1].ToArray());
    }

    [Fact]
    public void Combine_DifferentLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => MemeFeatures.Combine([1f, 0f], [1f, 0f, 0f], new float[6]));
    }

    [Fact]
    public void SourceFor_ImageSource_KeepsModelAndTriplesTheDimension()
    {
        var image = new FeatureSource("m", "hash", FeatureSource.ImageFeatures, 512);

        FeatureSource meme = MemeFeatures.SourceFor(image);

        Assert.Equal(new FeatureSource("m", "hash", MemeFeatures.FeatureKind, 1536), meme);
    }
}
