using Clip.Core.Evaluation;

namespace Clip.Core.Tests.Evaluation;

public sealed class ClassificationAccuracyTests
{
    // Predicted (0, 1, 1, 2, 2) against actual (0, 1, 2, 2, 2): 4 of 5 right.
    // Per class: class 0 1/1, class 1 1/1, class 2 2/3; mean = (1 + 1 + 2/3) / 3 = 8/9.
    private static readonly int[] Predicted = [0, 1, 1, 2, 2];
    private static readonly int[] Actual = [0, 1, 2, 2, 2];

    [Fact]
    public void Compute_WorkedExample_GivesShareRight()
    {
        Assert.Equal(0.8, ClassificationAccuracy.Compute(Predicted, Actual), 12);
    }

    [Fact]
    public void MeanPerClass_WorkedExample_AveragesPerClassRecall()
    {
        Assert.Equal(8.0 / 9, ClassificationAccuracy.MeanPerClass(Predicted, Actual), 12);
    }

    [Fact]
    public void Compute_SingleClass_IsOne()
    {
        Assert.Equal(1.0, ClassificationAccuracy.Compute([3, 3], [3, 3]));
    }

    [Fact]
    public void Compute_NoSamples_Throws()
    {
        Assert.Throws<ArgumentException>(() => ClassificationAccuracy.Compute([], []));
    }

    [Fact]
    public void Compute_LengthsDiffer_Throws()
    {
        Assert.Throws<ArgumentException>(() => ClassificationAccuracy.Compute([1], [1, 2]));
    }
}
