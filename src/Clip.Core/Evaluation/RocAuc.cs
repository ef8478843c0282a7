namespace Clip.Core.Evaluation;

/// <summary>
/// Area under the ROC curve of a binary scorer: the probability that a randomly drawn positive scores higher than a
/// randomly drawn negative, a tie counting one half (the Mann-Whitney U statistic divided by P·N).
/// </summary>
/// <remarks>
/// AUC = (Σ over positive-negative pairs of [s⁺ &gt; s⁻] + ½·[s⁺ = s⁻]) / (P·N). It is computed from mid-ranks in
/// O(n log n): rank all scores ascending, give tied scores the mean of the ranks they span, and
/// AUC = (sum of the positives' ranks − P(P+1)/2) / (P·N). All scores equal gives 0.5. It needs at least one
/// positive and one negative; otherwise, or for empty, mismatched or NaN input, it throws.
/// </remarks>
public static class RocAuc
{
    /// <summary>The AUC, in [0, 1], of <paramref name="scores"/> where <paramref name="positive"/> marks
    /// positives.</summary>
    public static double Compute(ReadOnlySpan<float> scores, ReadOnlySpan<bool> positive)
    {
        MetricGuard.NotEmpty(scores.Length, "sample", nameof(scores));
        MetricGuard.SameLength(scores.Length, positive.Length, nameof(scores), nameof(positive));
        MetricGuard.NoNaN(scores, nameof(scores));
        long positives = positive.Count(true);
        long negatives = scores.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException(
                $"ROC-AUC needs positives and negatives; got {positives} and {negatives}.",
                nameof(positive));
        }

        int[] order = Ranking.Descending(scores);
        Array.Reverse(order);
        double positiveRankSum = 0;
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            int positivesInGroup = 0;
            while (end < order.Length && scores[order[end]] == scores[order[start]])
            {
                positivesInGroup += positive[order[end]] ? 1 : 0;
                end++;
            }

            // Ranks start+1 .. end (1-based); their mean is given to every member of the tied group.
            double midRank = (start + 1 + end) / 2.0;
            positiveRankSum += positivesInGroup * midRank;
            start = end;
        }

        double u = positiveRankSum - (positives * (positives + 1) / 2.0);
        return u / (positives * (double)negatives);
    }
}
