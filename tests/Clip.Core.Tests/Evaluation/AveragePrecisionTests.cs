using Clip.Core.Evaluation;

namespace Clip.Core.Tests.Evaluation;

public sealed class AveragePrecisionTests
{
    [Fact]
    public void Compute_RelevantAtRanksOneAndThree_GivesMeanOfTheirPrecisions()
    {
        // Ranks 1..4 relevant: yes, no, yes, no. Precision at rank 1 = 1/1, at rank 3 = 2/3; AP = (1 + 2/3) / 2.
        double ap = AveragePrecision.Compute([0.9f, 0.8f, 0.7f, 0.6f], [true, false, true, false]);

        Assert.Equal(5.0 / 6, ap, 12);
    }

    [Fact]
    public void Compute_RelevantAtRanksOneAndTwo_IsOne()
    {
        Assert.Equal(1.0, AveragePrecision.Compute([0.9f, 0.8f, 0.7f, 0.6f], [true, true, false, false]), 12);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Compute_RelevantTiedWithIrrelevant_UsesPrecisionAfterTheWholeGroup(bool second, bool third)
    {
        // Rank 1 relevant (precision 1/1); ranks 2 and 3 tie at 0.8 and hold one relevant item, whose precision is
        // taken after the group: 2/3. AP = (1 + 2/3) / 2 whichever of the tied pair is listed first.
        double ap = AveragePrecision.Compute([0.9f, 0.8f, 0.8f, 0.1f], [true, second, third, false]);

        Assert.Equal(5.0 / 6, ap, 12);
    }

    [Fact]
    public void Compute_AllScoresEqual_GivesTheShareOfRelevantItems()
    {
        // One group of 4 with 2 relevant: precision 2/4 for both, AP = 1/2.
        Assert.Equal(0.5, AveragePrecision.Compute([0.5f, 0.5f, 0.5f, 0.5f], [true, false, false, true]), 12);
    }

    [Fact]
    public void Compute_SingleRelevantItem_IsOne()
    {
        Assert.Equal(1.0, AveragePrecision.Compute([0.2f], [true]));
    }

    [Fact]
    public void Compute_NoRelevantItem_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => AveragePrecision.Compute([0.5f, 0.2f], [false, false]));

        Assert.Contains("relevant", error.Message);
    }

    [Fact]
    public void Compute_NoItems_Throws()
    {
        Assert.Throws<ArgumentException>(() => AveragePrecision.Compute([], []));
    }
}
