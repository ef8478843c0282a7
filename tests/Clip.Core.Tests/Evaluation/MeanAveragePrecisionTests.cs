using Clip.Core.Evaluation;

namespace Clip.Core.Tests.Evaluation;

public sealed class MeanAveragePrecisionTests
{
    // Four samples, three classes; sample 3 carries no class and class 2 is carried by no sample.
    //   class 0: scores (0.9, 0.8, 0.2, 0.4), carried by samples 0 and 2.
    //            Sorted: s0 yes (precision 1/1), s1 no, s3 no, s2 yes (precision 2/4). AP = (1 + 1/2) / 2 = 0.75.
    //   class 1: scores (0.1, 0.7, 0.6, 0.2), carried by samples 1 and 2.
    //            Sorted: s1 yes (1/1), s2 yes (2/2). AP = 1.
    //   class 2: no positives, left out.
    // mAP = (0.75 + 1) / 2 = 0.875.
    private static readonly ScoreMatrix Scores = ScoreMatrix.FromRows(
    [
        [0.9f, 0.1f, 0.3f],
        [0.8f, 0.7f, 0.2f],
        [0.2f, 0.6f, 0.4f],
        [0.4f, 0.2f, 0.1f],
    ]);

    [Fact]
    public void Compute_WorkedExample_AveragesClassesWithPositives()
    {
        MeanAveragePrecisionResult result = MeanAveragePrecision.Compute(Scores, [[0], [1], [0, 1], []]);

        Assert.Equal(0.875, result.Mean, 12);
        Assert.Equal(0.75, result.PerClass[0]!.Value, 12);
        Assert.Equal(1.0, result.PerClass[1]!.Value, 12);
        Assert.Null(result.PerClass[2]);
        Assert.Equal([2], result.ClassesWithoutPositives);
    }

    [Fact]
    public void Compute_RepeatedClassInASample_CountsItOnce()
    {
        MeanAveragePrecisionResult result = MeanAveragePrecision.Compute(Scores, [[0, 0], [1], [0, 1, 1], []]);

        Assert.Equal(0.875, result.Mean, 12);
    }

    [Fact]
    public void Compute_SingleClass_IsThatClassAveragePrecision()
    {
        // One class, scores 0.3, 0.9, 0.5 carried by samples 0 and 2. Sorted: s1 no, s2 yes (1/2), s0 yes (2/3).
        // AP = (1/2 + 2/3) / 2 = 7/12.
        var scores = ScoreMatrix.FromRows([[0.3f], [0.9f], [0.5f]]);

        MeanAveragePrecisionResult result = MeanAveragePrecision.Compute(scores, [[0], [], [0]]);

        Assert.Equal(7.0 / 12, result.Mean, 12);
        Assert.Empty(result.ClassesWithoutPositives);
    }

    [Fact]
    public void Compute_NoClassHasPositives_Throws()
    {
        Assert.Throws<ArgumentException>(() => MeanAveragePrecision.Compute(Scores, [[], [], [], []]));
    }

    [Fact]
    public void Compute_ClassIndexOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MeanAveragePrecision.Compute(Scores, [[0], [3], [], []]));
    }

    [Fact]
    public void Compute_NoSamples_Throws()
    {
        Assert.Throws<ArgumentException>(() => MeanAveragePrecision.Compute(new ScoreMatrix([], 2), []));
    }
}
