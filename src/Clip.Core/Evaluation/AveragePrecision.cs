namespace Clip.Core.Evaluation;

/// <summary>
/// Average precision (AP) of one ranking: how early the relevant items come when items are sorted by score, highest
/// first. This is the definition of scikit-learn's <c>average_precision_score</c> (no interpolation).
/// </summary>
/// <remarks>
/// <para>
/// AP = Σₙ (Rₙ − Rₙ₋₁) · Pₙ over the distinct scores taken as thresholds from the highest down, where Pₙ and Rₙ are
/// the precision and recall of calling everything scored at least the n-th threshold relevant. Without ties this
/// is the mean, over the relevant items, of the precision at each relevant item's rank: relevant items at ranks 1
/// and 3 give (1/1 + 2/3) / 2.
/// </para>
/// <para>
/// Items with equal scores form one threshold and are never split by their order: every relevant item in a tied
/// group gets the precision measured after the whole group. Relevant and irrelevant items at ranks 2 and 3 with
/// equal scores, after a relevant item at rank 1, give (1/1 + 2/3) / 2, whichever of the two is listed first.
/// </para>
/// </remarks>
public static class AveragePrecision
{
    /// <summary>
    /// AP of <paramref name="scores"/> against <paramref name="relevant"/>, in [0, 1]. Throws
    /// <see cref="ArgumentException"/> when there are no items, no relevant item (AP is undefined then), the lengths
    /// differ, or a score is NaN.
    /// </summary>
    public static double Compute(ReadOnlySpan<float> scores, ReadOnlySpan<bool> relevant)
    {
        MetricGuard.NotEmpty(scores.Length, "item", nameof(scores));
        MetricGuard.SameLength(scores.Length, relevant.Length, nameof(scores), nameof(relevant));
        MetricGuard.NoNaN(scores, nameof(scores));
        int totalRelevant = relevant.Count(true);
        if (totalRelevant == 0)
        {
            throw new ArgumentException("Average precision needs at least one relevant item.", nameof(relevant));
        }

        int[] order = Ranking.Descending(scores);
        double sum = 0;
        int seen = 0;
        int relevantSeen = 0;
        while (seen < order.Length)
        {
            float groupScore = scores[order[seen]];
            int relevantInGroup = 0;
            while (seen < order.Length && scores[order[seen]] == groupScore)
            {
                relevantInGroup += relevant[order[seen]] ? 1 : 0;
                seen++;
            }

            relevantSeen += relevantInGroup;
            sum += relevantInGroup * ((double)relevantSeen / seen);
        }

        return sum / totalRelevant;
    }
}
