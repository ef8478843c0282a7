using Clip.Core.Evaluation;

namespace Clip.Core.Tests.Evaluation;

public sealed class ThresholdAccuracyTests
{
    private static readonly float[] Scores = [0.2f, 0.5f, 0.7f, 0.4f];
    private static readonly bool[] Positive = [false, true, false, true];

    [Fact]
    public void Confusion_ScoreEqualToThreshold_IsCalledPositive()
    {
        // At 0.5 the calls are no, yes (0.5 >= 0.5), yes, no: TN, TP, FP, FN.
        BinaryConfusion counts = ThresholdAccuracy.Confusion(Scores, Positive, 0.5f);

        Assert.Equal(new BinaryConfusion(1, 1, 1, 1), counts);
        Assert.Equal(0.5, counts.Accuracy);
        Assert.Equal(0.5, counts.Precision);
        Assert.Equal(0.5, counts.Recall);
    }

    [Fact]
    public void Compute_LowerThreshold_GivesHandCountedAccuracy()
    {
        // At 0.3 the calls are no, yes, yes, yes: right, right, wrong, right = 3/4.
        Assert.Equal(0.75, ThresholdAccuracy.Compute(Scores, Positive, 0.3f));
    }

    [Fact]
    public void Confusion_ThresholdAboveEveryScore_HasNoPrecision()
    {
        BinaryConfusion counts = ThresholdAccuracy.Confusion(Scores, Positive, 1f);

        Assert.Null(counts.Precision);
        Assert.Equal(0.0, counts.Recall);
        Assert.Equal(0.5, counts.Accuracy);
    }

    [Fact]
    public void Compute_AllScoresEqualToThreshold_CallsEverythingPositive()
    {
        // Every call is positive, so accuracy is the share of positives: 2 of 4.
        Assert.Equal(0.5, ThresholdAccuracy.Compute([0.5f, 0.5f, 0.5f, 0.5f], Positive, 0.5f));
    }

    [Fact]
    public void Compute_NaNThreshold_Throws()
    {
        Assert.Throws<ArgumentException>(() => ThresholdAccuracy.Compute(Scores, Positive, float.NaN));
    }

    [Fact]
    public void Compute_NoSamples_Throws()
    {
        Assert.Throws<ArgumentException>(() => ThresholdAccuracy.Compute([], [], 0.5f));
    }
}
