namespace Clip.Core.Evaluation;

/// <summary>
/// Where an item lands when scores are sorted highest first and equal scores keep index order, the order
/// <see cref="ZeroShot.ZeroShotMath.TopK"/> returns.
/// </summary>
internal static class Ranking
{
    /// <summary>
    /// The 1-based rank of item <paramref name="target"/>: one plus the items scored strictly higher, plus the
    /// items scored equal that come earlier. It is in the top k exactly when the rank is at most k.
    /// </summary>
    public static int RankOf(ReadOnlySpan<float> scores, int target)
    {
        float score = scores[target];
        int ahead = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            if (scores[i] > score || (scores[i] == score && i < target))
            {
                ahead++;
            }
        }

        return ahead + 1;
    }

    /// <summary>Indices of <paramref name="scores"/> from highest to lowest score (ties in any order).</summary>
    public static int[] Descending(ReadOnlySpan<float> scores)
    {
        int[] order = new int[scores.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        float[] keys = scores.ToArray();
        Array.Sort(order, (a, b) => keys[b].CompareTo(keys[a]));
        return order;
    }
}
