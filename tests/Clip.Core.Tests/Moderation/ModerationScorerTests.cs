using Clip.Core.Embeddings;
using Clip.Core.Moderation;

namespace Clip.Core.Tests.Moderation;

public sealed class ModerationScorerTests
{
    // Positive side along x, negative along y, logit scale 10: p(v) = σ(10·(v_x − v_y)).
    //   image (0.6, 0.8): σ(10·(0.6 − 0.8)) = σ(−2) = 1 / (1 + e²) = 0.1192029
    //   text  (0.8, 0.6): σ(2) = 0.8807971
    private static readonly float[] Image = [0.6f, 0.8f];
    private static readonly float[] Text = [0.8f, 0.6f];

    [Fact]
    public void Score_ImageOnly_IsSigmoidOfScaledCosineDifference()
    {
        ModerationScorer scorer = Scorer(Policy(useImageText: false));

        ModerationScore score = scorer.Score(Image, Text);

        Assert.Equal(0.1192029f, score.Score, 1e-6f);
        Assert.Equal(score.Score, score.ImageScore);
        Assert.Null(score.TextScore);
    }

    [Fact]
    public void Score_ImageAndTextEqualWeight_AveragesTheTwoProbabilities()
    {
        // (σ(−2) + σ(2)) / 2 = 1/2 exactly, since σ(−x) = 1 − σ(x).
        ModerationScore score = Scorer(Policy(useImageText: true)).Score(Image, Text);

        Assert.Equal(0.5f, score.Score, 1e-6f);
        Assert.Equal(0.8807971f, score.TextScore!.Value, 1e-6f);
    }

    [Fact]
    public void Score_TextWeightQuarter_WeighsTextOneQuarter()
    {
        // 0.75 · 0.1192029 + 0.25 · 0.8807971 = 0.3096015.
        ModerationScore score = Scorer(Policy(useImageText: true, textWeight: 0.25f)).Score(Image, Text);

        Assert.Equal(0.3096015f, score.Score, 1e-6f);
    }

    [Fact]
    public void Score_PolicyUsesTextButNoneGiven_ScoresTheImageAlone()
    {
        ModerationScore score = Scorer(Policy(useImageText: true)).Score(Image);

        Assert.Equal(0.1192029f, score.Score, 1e-6f);
        Assert.Null(score.TextScore);
    }

    [Fact]
    public void Constructor_SeveralPrompts_EnsemblesTheirNormalisedMean()
    {
        // Positive prompts (2, 0) and (0, 1) normalise to (1, 0) and (0, 1); their normalised mean is (1, 1)/√2.
        // (Averaging before normalising would give (2, 1)/√5 instead.) Negative prompt (−1, 0).
        // Image (1, 0), scale 1: cos₊ = 0.7071068, cos₋ = −1, p = σ(1.7071068) = 0.8464606.
        var policy = new ModerationPolicy("p", ["a", "b"], ["c"], flagThreshold: 0.9f, reviewThreshold: 0.5f);
        var scorer = new ModerationScorer(
            policy,
            new EmbeddingBatch([2f, 0f, 0f, 1f], 2),
            new EmbeddingBatch([-1f, 0f], 2),
            logitScale: 1f);

        ModerationScore score = scorer.Score([1f, 0f]);

        Assert.Equal(0.8464606f, score.Score, 1e-6f);
        Assert.Equal(ModerationDecision.Review, score.Decision);
    }

    [Fact]
    public void Score_WrongDimension_Throws()
    {
        ModerationScorer scorer = Scorer(Policy(useImageText: false));

        Assert.Throws<ArgumentException>(() => scorer.Score([1f, 0f, 0f]));
    }

    [Fact]
    public void Constructor_EmbeddingCountDiffersFromPrompts_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ModerationScorer(
            Policy(useImageText: false),
            new EmbeddingBatch([1f, 0f, 1f, 0f], 2),
            new EmbeddingBatch([0f, 1f], 2),
            10f));
    }

    private static ModerationPolicy Policy(bool useImageText, float textWeight = 0.5f) =>
        new("test", ["bad"], ["fine"], 0.8f, 0.5f, useImageText, textWeight);

    private static ModerationScorer Scorer(ModerationPolicy policy) =>
        new(policy, new EmbeddingBatch([1f, 0f], 2), new EmbeddingBatch([0f, 1f], 2), logitScale: 10f);
}
