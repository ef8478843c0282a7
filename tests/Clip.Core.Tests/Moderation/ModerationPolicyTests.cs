using Clip.Core.Moderation;

namespace Clip.Core.Tests.Moderation;

public sealed class ModerationPolicyTests
{
    [Theory]
    [InlineData(0.80f, ModerationDecision.Flag)]
    [InlineData(0.95f, ModerationDecision.Flag)]
    [InlineData(0.79f, ModerationDecision.Review)]
    [InlineData(0.50f, ModerationDecision.Review)]
    [InlineData(0.49f, ModerationDecision.Pass)]
    [InlineData(0.00f, ModerationDecision.Pass)]
    public void Decide_FlagPointEightReviewPointFive_UsesInclusiveThresholds(float score, ModerationDecision expected)
    {
        var policy = new ModerationPolicy("p", ["bad"], ["fine"], flagThreshold: 0.8f, reviewThreshold: 0.5f);

        Assert.Equal(expected, policy.Decide(score));
    }

    [Fact]
    public void Decide_EqualThresholds_NeverReviews()
    {
        var policy = new ModerationPolicy("p", ["bad"], ["fine"], flagThreshold: 0.6f, reviewThreshold: 0.6f);

        Assert.Equal(ModerationDecision.Pass, policy.Decide(0.59f));
        Assert.Equal(ModerationDecision.Flag, policy.Decide(0.6f));
    }

    [Theory]
    [InlineData(0.5f, 0.6f)]
    [InlineData(1.1f, 0.5f)]
    [InlineData(0.5f, -0.1f)]
    [InlineData(float.NaN, 0.5f)]
    public void Constructor_ThresholdsOutOfOrderOrRange_ThrowsNamingBoth(float flag, float review)
    {
        var error = Assert.Throws<ArgumentException>(() => new ModerationPolicy("p", ["bad"], ["fine"], flag, review));

        Assert.Contains("0 <= review <= flag <= 1", error.Message);
    }

    [Fact]
    public void Constructor_NoNegativePrompt_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new ModerationPolicy("p", ["bad"], [], 0.8f, 0.5f));

        Assert.Contains("no negative prompt", error.Message);
    }

    [Fact]
    public void Constructor_TextWeightAboveOne_Throws()
    {
        Assert.Throws<ArgumentException>(
            () => new ModerationPolicy("p", ["bad"], ["fine"], 0.8f, 0.5f, useImageText: true, textWeight: 1.5f));
    }
}
