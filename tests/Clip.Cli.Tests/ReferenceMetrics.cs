namespace Clip.Cli.Tests;

/// <summary>
/// Plain, slow definitions of the metrics, written from their textbook definitions, to check the figures that
/// <c>clip eval</c> prints against what the other commands' outputs imply.
/// </summary>
internal static class ReferenceMetrics
{
    /// <summary>The share of positive-negative pairs ordered correctly, ties counting one half.</summary>
    public static double RocAuc(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        double sum = 0;
        int pairs = 0;
        for (int p = 0; p < scores.Count; p++)
        {
            for (int n = 0; n < scores.Count; n++)
            {
                if (positive[p] && !positive[n])
                {
                    sum += scores[p] > scores[n] ? 1 : scores[p] == scores[n] ? 0.5 : 0;
                    pairs++;
                }
            }
        }

        return sum / pairs;
    }

    /// <summary>Mean over relevant items of the precision at their rank (scores assumed distinct).</summary>
    public static double AveragePrecision(IReadOnlyList<double> scores, IReadOnlyList<bool> relevant)
    {
        int[] order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        double sum = 0;
        int hits = 0;
        for (int rank = 0; rank < order.Length; rank++)
        {
            if (relevant[order[rank]])
            {
                hits++;
                sum += (double)hits / (rank + 1);
            }
        }

        return sum / hits;
    }

    /// <summary>1 + the candidates scored higher, or equal with a lower index.</summary>
    public static int Rank(IReadOnlyList<double> scores, int target) =>
        1 + Enumerable.Range(0, scores.Count)
            .Count(i => scores[i] > scores[target] || (scores[i] == scores[target] && i < target));

    public static double Dot(IReadOnlyList<double> a, IReadOnlyList<double> b) =>
        Enumerable.Range(0, a.Count).Sum(i => a[i] * b[i]);
}
