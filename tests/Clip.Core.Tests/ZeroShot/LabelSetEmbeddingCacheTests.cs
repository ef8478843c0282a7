using Clip.Core.Embeddings;
using Clip.Core.Models;
using Clip.Core.Tests.Models;
using Clip.Core.ZeroShot;

namespace Clip.Core.Tests.ZeroShot;

public sealed class LabelSetEmbeddingCacheTests
{
    private int _encodeCalls;

    [Fact]
    public void GetOrCreate_SameContentTwice_EncodesOnce()
    {
        var cache = new LabelSetEmbeddingCache();
        var first = new LabelSet("a", [new LabelClass("cat"), new LabelClass("dog")]);
        var sameContent = new LabelSet("b", [new LabelClass("cat", Threshold: 0.3f), new LabelClass("dog")]);

        LabelSetEmbeddings one = cache.GetOrCreate("model-1", first, Encode);
        LabelSetEmbeddings two = cache.GetOrCreate("model-1", sameContent, Encode);

        Assert.Same(one, two);
        Assert.Equal(1, _encodeCalls);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void GetOrCreate_OtherModel_EncodesAgain()
    {
        var cache = new LabelSetEmbeddingCache();
        var labelSet = LabelSet.FromNames("a", ["cat"]);

        cache.GetOrCreate("model-1", labelSet, Encode);
        cache.GetOrCreate("model-2", labelSet, Encode);

        Assert.Equal(2, _encodeCalls);
    }

    [Fact]
    public void GetOrCreate_ManyThreadsAtOnce_EncodesOnce()
    {
        var cache = new LabelSetEmbeddingCache();
        var labelSet = LabelSet.FromNames("a", ["cat", "dog"]);

        Parallel.For(0, 16, _ => cache.GetOrCreate("model-1", labelSet, Encode));

        Assert.Equal(1, _encodeCalls);
    }

    [Fact]
    public void GetOrCreate_EncodeFailedOnce_NextCallComputesAgain()
    {
        var cache = new LabelSetEmbeddingCache();
        var labelSet = LabelSet.FromNames("a", ["cat"]);

        Assert.Throws<InvalidOperationException>(
            () => cache.GetOrCreate("model-1", labelSet, _ => throw new InvalidOperationException("boom")));
        LabelSetEmbeddings embeddings = cache.GetOrCreate("model-1", labelSet, Encode);

        Assert.Equal(1, embeddings.Classes.Count);
        Assert.Equal(1, _encodeCalls);
    }

    [Fact]
    public void Create_ArithmeticModel_CachesByModelContentAndUsesItsLogitScale()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        using ClipModel model = TestModels.Load(folder.Path);
        var cache = new LabelSetEmbeddingCache();
        string[] names = ["a photo of a cat", "an emoji of a grinning face"];
        var labelSet = LabelSet.FromNames("captions", names, PromptTemplates.FromLines(["{}"]));

        ZeroShotClassifier classifier = ZeroShotClassifier.Create(model, labelSet, cache);
        ZeroShotClassifier again = ZeroShotClassifier.Create(model, labelSet, cache);
        float[] probabilities = new float[2];
        classifier.ComputeProbabilities([0f, 1f, 0f], probabilities);

        Assert.Equal(42.5f, classifier.LogitScale);
        Assert.Equal(1, cache.Count);
        Assert.Equal(1f, probabilities.Sum(), 1e-6f);

        // The arithmetic text tower gives [543, 320, 7] and [543, 524, 12] (tiny-clip reference ids): the second
        // points more along [0, 1, 0].
        Assert.Equal(names[1], classifier.Classify([0f, 1f, 0f], 1)[0].Label);
        Assert.Equal(again.EmbeddingDimension, classifier.EmbeddingDimension);
    }

    /// <summary>Gives prompt i the embedding [1, i]: any fixed, distinct rows do.</summary>
    private EmbeddingBatch Encode(IReadOnlyList<string> prompts)
    {
        Interlocked.Increment(ref _encodeCalls);
        return new EmbeddingBatch(prompts.SelectMany((_, i) => new[] { 1f, i }).ToArray(), 2);
    }
}
