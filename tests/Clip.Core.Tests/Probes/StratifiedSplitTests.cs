using Clip.Core.Probes;

namespace Clip.Core.Tests.Probes;

public sealed class StratifiedSplitTests
{
    // Class 0 has 10 samples, class 1 has 5, class 2 has 1.
    private static readonly int[] Labels = [.. Enumerable.Repeat(0, 10), .. Enumerable.Repeat(1, 5), 2];

    [Fact]
    public void HoldOut_FifthOfEachClass_TakesRoundedShareButNeverTheLastSample()
    {
        // round(0.2 × 10) = 2, round(0.2 × 5) = 1, round(0.2 × 1) = 0.
        int[] heldOut = StratifiedSplit.HoldOut(Labels, 0.2, seed: 0);

        Assert.Equal(2, heldOut.Count(i => Labels[i] == 0));
        Assert.Equal(1, heldOut.Count(i => Labels[i] == 1));
        Assert.Equal(0, heldOut.Count(i => Labels[i] == 2));
    }

    [Fact]
    public void HoldOut_SameSeed_SameSplit_OtherSeed_OtherSplit()
    {
        Assert.Equal(StratifiedSplit.HoldOut(Labels, 0.5, 3), StratifiedSplit.HoldOut(Labels, 0.5, 3));
        Assert.NotEqual(StratifiedSplit.HoldOut(Labels, 0.5, 3), StratifiedSplit.HoldOut(Labels, 0.5, 4));
    }

    [Fact]
    public void Folds_ThreeFolds_SizesDifferByAtMostOneAndClassesSpread()
    {
        int[] folds = StratifiedSplit.Folds(Labels, 3, seed: 1);

        int[] sizes = Enumerable.Range(0, 3).Select(f => folds.Count(x => x == f)).ToArray();
        Assert.True(sizes.Max() - sizes.Min() <= 1, string.Join(",", sizes));
        for (int f = 0; f < 3; f++)
        {
            // 10 samples of class 0 over three folds: 3 or 4 each.
            Assert.InRange(Enumerable.Range(0, 10).Count(i => folds[i] == f), 3, 4);
        }
    }
}
