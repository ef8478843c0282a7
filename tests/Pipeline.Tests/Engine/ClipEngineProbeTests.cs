using Clip.Core.Moderation;
using Clip.Core.Tests;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Contracts;
using Pipeline.Processing.Engine;
using Pipeline.Storage.Results;
using Pipeline.Tests.Curation;
using Pipeline.Tests.Probes;

namespace Pipeline.Tests.Engine;

public sealed class ClipEngineProbeTests : IDisposable
{
    private static readonly string[] Pictures = ["chelsea.png", "rocket.jpg", "coffee.png", "flower.jpg"];

    private readonly ClipEngine _engine =
        ClipEngine.Create(new ClipEngineOptions { ModelDirectory = TinyCorpus.ModelDirectory }, NullLogger.Instance);

    [Fact]
    public void ApplyProbes_ProbeOfThisModel_GivesTheTopKOfTheLinearProbesProbabilities()
    {
        float[][] embeddings = Embed();
        LinearProbeDefinition probe = ProbeForThisModel();

        var labels = _engine.ApplyProbes([probe], embeddings.SelectMany(e => e).ToArray(), embeddings.Length, 2);

        Assert.Equal(embeddings.Length, labels.Length);
        for (int i = 0; i < embeddings.Length; i++)
        {
            Assert.Equal(TestProbes.Expected(probe, embeddings[i], 2), labels[i]);
        }

    }

    [Fact]
    public void ApplyProbes_ProbeWithEachImagesEmbeddingAsAClass_RanksEachImagesOwnClassFirst()
    {
        float[][] embeddings = Embed();
        LinearProbeDefinition probe = TestProbes.FromPrototypes(_engine.ModelName, _engine.ModelContentHash,
            Pictures, embeddings);

        var labels = _engine.ApplyProbes([probe], embeddings.SelectMany(e => e).ToArray(), embeddings.Length, 1);

        Assert.Equal(Pictures, labels.Select(l => Assert.Single(l).Label));
        Assert.All(labels, l => Assert.Equal(("nearest", 1), (l[0].LabelSet, l[0].Rank)));
    }

    [Fact]
    public void ApplyProbes_MinimumProbability_LeavesOutTheLabelsBelowIt()
    {
        float[][] embeddings = Embed();
        var everything = _engine.ApplyProbes([ProbeForThisModel()], embeddings.SelectMany(e => e).ToArray(),
            embeddings.Length, 3);
        float[] scores = everything.SelectMany(l => l.Select(x => x.Score)).Order().ToArray();
        float minimum = scores[scores.Length / 2];
        LinearProbeDefinition probe = ProbeForThisModel() with { MinProbability = minimum };

        var labels = _engine.ApplyProbes([probe], embeddings.SelectMany(e => e).ToArray(), embeddings.Length, 3);

        Assert.Equal(scores.Count(s => s >= minimum), labels.Sum(l => l.Count));
        Assert.All(labels.SelectMany(l => l), label => Assert.True(label.Score >= minimum));
        for (int i = 0; i < embeddings.Length; i++)
        {
            Assert.Equal(TestProbes.Expected(probe, embeddings[i], 3), labels[i]);
        }
    }

    [Fact]
    public void ApplyProbes_ProbeTrainedForAnotherModel_ThrowsNamingBothModels()
    {
        LinearProbeDefinition probe = ProbeForThisModel() with { ModelContentHash = "another-model-hash" };

        var error = Assert.Throws<InvalidOperationException>(() =>
            _engine.ApplyProbes([probe], new float[_engine.EmbeddingDimension], 1, 2));

        Assert.Contains("trained for model 'tiny-clip' (content hash another-mode", error.Message);
        Assert.Contains(_engine.ModelContentHash[..12], error.Message);
    }

    [Fact]
    public void ApplyProbes_ProbeOnMemeFeatures_ThrowsSayingOnlyImageProbesRun()
    {
        LinearProbeDefinition probe = TestProbes.For(_engine.ModelName, _engine.ModelContentHash,
            3 * _engine.EmbeddingDimension) with { Features = MemeFeatures.FeatureKind };

        var error = Assert.Throws<InvalidOperationException>(() =>
            _engine.ApplyProbes([probe], new float[_engine.EmbeddingDimension], 1, 2));

        Assert.Contains("not on image embeddings", error.Message);
    }

    public void Dispose() => _engine.Dispose();

    private LinearProbeDefinition ProbeForThisModel() =>
        TestProbes.For(_engine.ModelName, _engine.ModelContentHash, _engine.EmbeddingDimension);

    private float[][] Embed()
    {
        int length = _engine.ImageTensorLength;
        float[] pixels = new float[Pictures.Length * length];
        for (int i = 0; i < Pictures.Length; i++)
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(SharedData.RepositoryRoot, "samples", "images",
                Pictures[i]));
            _engine.PrepareImage(bytes, pixels.AsSpan(i * length, length), CancellationToken.None);
        }

        float[] embeddings = new float[Pictures.Length * _engine.EmbeddingDimension];
        _engine.EncodeImages(pixels, Pictures.Length, embeddings);
        return embeddings.Chunk(_engine.EmbeddingDimension).ToArray();
    }
}
