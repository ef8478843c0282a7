using Clip.Core.Evaluation;

namespace Clip.Core.Tests.Evaluation;

public sealed class RocAucTests
{
    [Fact]
    public void Compute_NoTies_CountsOrderedPairs()
    {
        // Positives 0.9, 0.7; negatives 0.8, 0.6. Pairs won: 0.9>0.8, 0.9>0.6, 0.7>0.6; lost: 0.7<0.8. AUC = 3/4.
        Assert.Equal(0.75, RocAuc.Compute([0.9f, 0.8f, 0.7f, 0.6f], [true, false, true, false]), 12);
    }

    [Fact]
    public void Compute_PositiveTiedWithNegative_CountsThePairAsHalf()
    {
        // Positives 0.5, 0.9; negatives 0.5, 0.2. Pairs: 0.5=0.5 (1/2), 0.5>0.2, 0.9>0.5, 0.9>0.2. AUC = 3.5/4.
        Assert.Equal(0.875, RocAuc.Compute([0.5f, 0.5f, 0.2f, 0.9f], [true, false, false, true]), 12);
    }

    [Fact]
    public void Compute_AllScoresEqual_IsOneHalf()
    {
        Assert.Equal(0.5, RocAuc.Compute([0.3f, 0.3f, 0.3f], [true, false, true]), 12);
    }

    [Fact]
    public void Compute_EveryNegativeAbove_IsZero()
    {
        Assert.Equal(0.0, RocAuc.Compute([0.1f, 0.2f, 0.8f, 0.9f], [true, true, false, false]), 12);
    }

    [Fact]
    public void Compute_OnlyPositives_ThrowsNamingTheCounts()
    {
        var error = Assert.Throws<ArgumentException>(() => RocAuc.Compute([0.1f, 0.2f], [true, true]));

        Assert.Contains("got 2 and 0", error.Message);
    }

    [Fact]
    public void Compute_NoSamples_Throws()
    {
        Assert.Throws<ArgumentException>(() => RocAuc.Compute([], []));
    }
}
