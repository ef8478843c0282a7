namespace Clip.Core.Probes;

/// <summary>
/// Seeded splits that keep each class's share: every class's samples are shuffled on their own with
/// a <see cref="Random"/> seeded by the caller, so the same seed gives the same split on every run, then
/// dealt out.
/// </summary>
internal static class StratifiedSplit
{
    /// <summary>
    /// Sample indices held out for validation: round(fraction × n) of each class of n samples, but never a class's
    /// last sample, so every class keeps at least one training sample. Sorted ascending.
    /// </summary>
    public static int[] HoldOut(IReadOnlyList<int> labels, double fraction, int seed)
    {
        var random = new Random(seed);
        var heldOut = new List<int>();
        foreach (int[] members in ShuffledClasses(labels, random))
        {
            int take = (int)Math.Round(fraction * members.Length, MidpointRounding.AwayFromZero);
            heldOut.AddRange(members.Take(Math.Min(take, members.Length - 1)));
        }

        heldOut.Sort();
        return [.. heldOut];
    }

    /// <summary>
    /// The fold (0 to <paramref name="folds"/> − 1) of each sample. Classes are dealt one after another onto the
    /// folds in turn, continuing where the previous class stopped, so fold sizes differ by at most one.
    /// </summary>
    public static int[] Folds(IReadOnlyList<int> labels, int folds, int seed)
    {
        var random = new Random(seed);
        int[] fold = new int[labels.Count];
        int next = 0;
        foreach (int[] members in ShuffledClasses(labels, random))
        {
            foreach (int sample in members)
            {
                fold[sample] = next;
                next = (next + 1) % folds;
            }
        }

        return fold;
    }

    /// <summary>Each class's sample indices in a seeded random order, classes in ascending order.</summary>
    private static IEnumerable<int[]> ShuffledClasses(IReadOnlyList<int> labels, Random random)
    {
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            int[] members = group.ToArray();
            random.Shuffle(members);
            yield return members;
        }
    }
}
