namespace Clip.Core.Evaluation;

/// <summary>
/// Mean average precision (mAP) of a multi-label classifier, as reported for PASCAL VOC-style multi-label data: for
/// each class, rank every sample by its score for that class and take the <see cref="AveragePrecision"/> of the
/// samples that carry the class; then average over classes.
/// </summary>
/// <remarks>
/// A class that no sample carries has no AP (its recall is undefined). It is left out of the mean and listed in
/// <see cref="MeanAveragePrecisionResult.ClassesWithoutPositives"/>, so a missing class cannot pull the mean to 0
/// or to 1 unnoticed. Ties within a class are handled as <see cref="AveragePrecision"/> describes.
/// </remarks>
public static class MeanAveragePrecision
{
    /// <summary>
    /// mAP of <paramref name="scores"/> (one row per sample, one column per class) where
    /// <paramref name="positives"/>[row] lists the classes sample row carries (duplicates ignored). Throws
    /// <see cref="ArgumentException"/> for empty or mismatched inputs, NaN scores, class indices out of range, or
    /// when no class has a positive sample.
    /// </summary>
    public static MeanAveragePrecisionResult Compute(
        ScoreMatrix scores,
        IReadOnlyList<IReadOnlyCollection<int>> positives)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(positives);
        MetricGuard.NotEmpty(scores.Rows, "sample", nameof(scores));
        MetricGuard.SameLength(scores.Rows, positives.Count, nameof(scores), nameof(positives));

        bool[,] carries = new bool[scores.Columns, scores.Rows];
        for (int row = 0; row < scores.Rows; row++)
        {
            foreach (int label in positives[row] ?? throw new ArgumentNullException(nameof(positives)))
            {
                MetricGuard.InRange(label, scores.Columns, "class", row, nameof(positives));
                carries[label, row] = true;
            }
        }

        var perClass = new double?[scores.Columns];
        var withoutPositives = new List<int>();
        float[] column = new float[scores.Rows];
        bool[] relevant = new bool[scores.Rows];
        for (int c = 0; c < scores.Columns; c++)
        {
            for (int row = 0; row < scores.Rows; row++)
            {
                column[row] = scores[row, c];
                relevant[row] = carries[c, row];
            }

            if (Array.IndexOf(relevant, true) < 0)
            {
                withoutPositives.Add(c);
                continue;
            }

            perClass[c] = AveragePrecision.Compute(column, relevant);
        }

        if (withoutPositives.Count == scores.Columns)
        {
            throw new ArgumentException("No class has a positive sample, so no class has an AP.", nameof(positives));
        }

        double mean = perClass.Where(ap => ap.HasValue).Average(ap => ap!.Value);
        return new MeanAveragePrecisionResult(mean, perClass, withoutPositives);
    }
}
