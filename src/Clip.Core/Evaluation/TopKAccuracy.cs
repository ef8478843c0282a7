namespace Clip.Core.Evaluation;

/// <summary>
/// Top-k accuracy of a classifier: the fraction of samples whose true class is among the k highest-scored
/// classes of the sample's row.
/// </summary>
/// <remarks>
/// <para>
/// Ties are broken deterministically by lower class index, as the zero-shot classifier orders its labels: the true
/// class's rank is 1 + (classes scored strictly higher) + (classes scored equal with a lower index), and the sample
/// counts as correct when that rank is at most k. So with scores (0.5, 0.5) a true class 0 is a top-1 hit and a true
/// class 1 is not; when all scores are equal, only class 0 is a top-1 hit.
/// </para>
/// <para>
/// With k at least the number of classes every sample is correct, as is any sample of a one-class problem. NaN
/// scores, empty inputs, mismatched lengths and class indices outside the row are rejected with an exception.
/// </para>
/// </remarks>
public static class TopKAccuracy
{
    /// <summary>
    /// The fraction, in [0, 1], of rows of <paramref name="scores"/> (one per sample, one column per class) whose
    /// class <paramref name="trueClasses"/>[row] has rank at most <paramref name="k"/>.
    /// </summary>
    public static double Compute(ScoreMatrix scores, IReadOnlyList<int> trueClasses, int k)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(trueClasses);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        MetricGuard.NotEmpty(scores.Rows, "sample", nameof(scores));
        MetricGuard.SameLength(scores.Rows, trueClasses.Count, nameof(scores), nameof(trueClasses));

        int hits = 0;
        for (int row = 0; row < scores.Rows; row++)
        {
            ReadOnlySpan<float> rowScores = scores.Row(row);
            MetricGuard.NoNaN(rowScores, nameof(scores));
            MetricGuard.InRange(trueClasses[row], scores.Columns, "class", row, nameof(trueClasses));
            if (Ranking.RankOf(rowScores, trueClasses[row]) <= k)
            {
                hits++;
            }
        }

        return (double)hits / scores.Rows;
    }

    /// <summary>Top-1 accuracy: the share of samples whose best-scored class is the true one.</summary>
    public static double Top1(ScoreMatrix scores, IReadOnlyList<int> trueClasses) => Compute(scores, trueClasses, 1);

    /// <summary>Top-5 accuracy: the share of samples whose true class is among the five best-scored.</summary>
    public static double Top5(ScoreMatrix scores, IReadOnlyList<int> trueClasses) => Compute(scores, trueClasses, 5);
}
