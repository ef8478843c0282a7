using Clip.Core.Evaluation;

namespace Clip.Core.Tests.Evaluation;

public sealed class TopKAccuracyTests
{
    // Three samples, three classes.
    //   sample 0: (0.1, 0.7, 0.2), true class 1 -> rank 1
    //   sample 1: (0.5, 0.3, 0.2), true class 2 -> rank 3
    //   sample 2: (0.2, 0.3, 0.5), true class 1 -> rank 2
    // top-1 = 1/3, top-2 = 2/3, top-3 = 3/3.
    private static readonly ScoreMatrix Worked = ScoreMatrix.FromRows(
    [
        [0.1f, 0.7f, 0.2f],
        [0.5f, 0.3f, 0.2f],
        [0.2f, 0.3f, 0.5f],
    ]);

    private static readonly int[] WorkedTruth = [1, 2, 1];

    [Theory]
    [InlineData(1, 1.0 / 3)]
    [InlineData(2, 2.0 / 3)]
    [InlineData(3, 1.0)]
    [InlineData(10, 1.0)]
    public void Compute_WorkedExample_GivesHandCountedShare(int k, double expected)
    {
        Assert.Equal(expected, TopKAccuracy.Compute(Worked, WorkedTruth, k), 12);
    }

    [Fact]
    public void Top1_TwoWayTie_CountsOnlyTheLowerIndexAsCorrect()
    {
        // Both rows are (0.5, 0.5): class 0 wins the tie-break, so truth 0 is a hit and truth 1 a miss.
        var scores = ScoreMatrix.FromRows([[0.5f, 0.5f], [0.5f, 0.5f]]);

        Assert.Equal(0.5, TopKAccuracy.Top1(scores, [0, 1]), 12);
    }

    [Fact]
    public void Top5_AllScoresEqual_RanksClassesByIndex()
    {
        // Six equal scores: class c has rank c + 1. Truths 0, 4, 5 have ranks 1, 5, 6.
        // top-1 = 1/3 (only class 0); top-5 = 2/3 (classes 0 and 4).
        float[] equal = [1f, 1f, 1f, 1f, 1f, 1f];
        var scores = ScoreMatrix.FromRows([equal, equal, equal]);

        Assert.Equal(1.0 / 3, TopKAccuracy.Top1(scores, [0, 4, 5]), 12);
        Assert.Equal(2.0 / 3, TopKAccuracy.Top5(scores, [0, 4, 5]), 12);
    }

    [Fact]
    public void Top1_SingleClass_IsAlwaysCorrect()
    {
        var scores = ScoreMatrix.FromRows([[0.3f], [-2f]]);

        Assert.Equal(1.0, TopKAccuracy.Top1(scores, [0, 0]));
    }

    [Fact]
    public void Compute_NoSamples_ThrowsNamingTheProblem()
    {
        var scores = new ScoreMatrix([], 3);

        var error = Assert.Throws<ArgumentException>(() => TopKAccuracy.Top1(scores, []));

        Assert.Contains("at least one sample", error.Message);
    }

    [Fact]
    public void Compute_FewerLabelsThanRows_Throws()
    {
        Assert.Throws<ArgumentException>(() => TopKAccuracy.Top1(Worked, [1, 2]));
    }

    [Fact]
    public void Compute_ClassOutsideTheRow_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TopKAccuracy.Top1(Worked, [1, 3, 1]));
    }

    [Fact]
    public void Compute_NaNScore_Throws()
    {
        var scores = ScoreMatrix.FromRows([[float.NaN, 0.2f]]);

        Assert.Throws<ArgumentException>(() => TopKAccuracy.Top1(scores, [0]));
    }

    [Fact]
    public void Compute_KOfZero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TopKAccuracy.Compute(Worked, WorkedTruth, 0));
    }
}
