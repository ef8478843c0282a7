using Clip.Core.Embeddings;
using Clip.Core.Evaluation;
using Clip.Core.Moderation;
using Clip.Core.Probes;

namespace Clip.Core.Tests.Moderation;

public sealed class HatefulMemesBenchmarkTests
{
    private static readonly FeatureSource ImageSource = new("m", "hash", FeatureSource.ImageFeatures, 2);

    [Fact]
    public void ZeroShot_FixedEmbeddings_GivesHandCountedAucAndAccuracy()
    {
        // Positive side along x, negative along y, scale 10, image only: p = σ(10·(x − y)).
        //   meme 0 (1, 0)     σ(10)  = 0.99995  hateful
        //   meme 1 (0, 1)     σ(−10) = 0.00005  not
        //   meme 2 (0.6, 0.8) σ(−2)  = 0.119    hateful
        //   meme 3 (0.8, 0.6) σ(2)   = 0.881    not
        // AUC: positives {σ(10), σ(−2)} vs negatives {σ(−10), σ(2)}: 3 of 4 pairs ordered = 0.75.
        // At 0.5 the calls are yes, no, no, yes: memes 0 and 1 right, 2 and 3 wrong = 0.5.
        HatefulMemeEmbeddings memes = Memes([1f, 0f, 0f, 1f, 0.6f, 0.8f, 0.8f, 0.6f], [true, false, true, false]);
        var policy = new ModerationPolicy("p", ["bad"], ["fine"], 0.8f, 0.5f);
        ModerationScorer scorer = AlongXAgainstY(policy);

        BinaryEvaluation result = HatefulMemesBenchmark.ZeroShot(scorer, memes);

        Assert.Equal(0.75, result.RocAuc, 12);
        Assert.Equal(0.5, result.Accuracy, 12);
        Assert.Equal(new BinaryConfusion(1, 1, 1, 1), result.Confusion);
    }

    [Fact]
    public void ZeroShot_UnlabelledMeme_ThrowsNamingIt()
    {
        HatefulMemeEmbeddings memes = Memes([1f, 0f, 0f, 1f], [true, null]);
        var policy = new ModerationPolicy("p", ["bad"], ["fine"], 0.8f, 0.5f);
        ModerationScorer scorer = AlongXAgainstY(policy);

        var error = Assert.Throws<InvalidOperationException>(() => HatefulMemesBenchmark.ZeroShot(scorer, memes));

        Assert.Contains("'1'", error.Message);
    }

    [Fact]
    public void ProbeScores_ProbeTrainedOnImageFeatures_ThrowsBecauseKindsDiffer()
    {
        HatefulMemeEmbeddings memes = Memes([1f, 0f, 0f, 1f], [true, false]);
        var imageProbe = new LinearProbe(
            [HatefulMemeEmbeddings.NotHatefulClass, HatefulMemeEmbeddings.HatefulClass],
            new float[12],
            [0f, 0f],
            0.1,
            ImageSource with { Dimension = 6 });

        Assert.Throws<InvalidOperationException>(() => HatefulMemesBenchmark.ProbeScores(imageProbe, memes));
    }

    [Fact]
    public void TrainProbe_SeparableMemes_ScoresHatefulOnesHigher()
    {
        // Hateful memes point along x, others along y, in both image and text.
        float[] images = [1f, 0f, 0.9f, 0.1f, 0f, 1f, 0.1f, 0.9f, 1f, 0.05f, 0.05f, 1f];
        HatefulMemeEmbeddings memes = Memes(images, [true, true, false, false, true, false]);
        var options = new LinearProbeOptions { LambdaGrid = [1e-3], CrossValidationFolds = 3 };

        LinearProbe probe = HatefulMemesBenchmark.TrainProbe(memes, options).Probe;
        BinaryEvaluation result = HatefulMemesBenchmark.EvaluateProbe(probe, memes);

        Assert.Equal(MemeFeatures.FeatureKind, probe.Source.Features);
        Assert.Equal(6, probe.Dimension);
        Assert.Equal(1.0, result.RocAuc);
        Assert.Equal(1.0, result.Accuracy);
    }

    private static ModerationScorer AlongXAgainstY(ModerationPolicy policy) =>
        new(policy, new EmbeddingBatch([1f, 0f], 2), new EmbeddingBatch([0f, 1f], 2), logitScale: 10f);

    private static HatefulMemeEmbeddings Memes(float[] rows, bool?[] labels)
    {
        HatefulMeme[] memes = labels
            .Select((label, i) => new HatefulMeme(i.ToString(), $"/m/{i}.png", "text", label))
            .ToArray();
        var images = new EmbeddingBatch(rows, 2);
        return new HatefulMemeEmbeddings(memes, images, images, [], ImageSource);
    }
}
