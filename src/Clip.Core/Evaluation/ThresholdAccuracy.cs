namespace Clip.Core.Evaluation;

/// <summary>
/// A binary scorer turned into a decision by a threshold: a sample is called positive when its score is at least
/// the threshold (a score equal to the threshold is positive, as moderation thresholds are).
/// </summary>
public static class ThresholdAccuracy
{
    /// <summary>
    /// The share of samples, in [0, 1], whose call (score ≥ <paramref name="threshold"/>) matches
    /// <paramref name="positive"/>. Throws on empty, mismatched or NaN input, or a NaN threshold.
    /// </summary>
    public static double Compute(ReadOnlySpan<float> scores, ReadOnlySpan<bool> positive, float threshold) =>
        Confusion(scores, positive, threshold).Accuracy;

    /// <summary>The four counts behind <see cref="Compute"/>.</summary>
    public static BinaryConfusion Confusion(ReadOnlySpan<float> scores, ReadOnlySpan<bool> positive, float threshold)
    {
        MetricGuard.NotEmpty(scores.Length, "sample", nameof(scores));
        MetricGuard.SameLength(scores.Length, positive.Length, nameof(scores), nameof(positive));
        MetricGuard.NoNaN(scores, nameof(scores));
        if (float.IsNaN(threshold))
        {
            throw new ArgumentException("The threshold is NaN.", nameof(threshold));
        }

        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            bool called = scores[i] >= threshold;
            switch ((called, positive[i]))
            {
                case (true, true): tp++; break;
                case (true, false): fp++; break;
                case (false, false): tn++; break;
                default: fn++; break;
            }
        }

        return new BinaryConfusion(tp, fp, tn, fn);
    }
}
