namespace Clip.Core.Text.Bpe;

/// <summary>
/// The same merge rounds as <see cref="BytePairMerger"/> in O(n log n) for long words (URLs, hashes, runs of one
/// character), where rescanning every pair each round would be quadratic. Pairs wait in a heap ordered by
/// (rank, position); a round takes every entry of the lowest rank and merges them left to right.
/// </summary>
internal static class LongWordMerger
{
    /// <summary>Merges <paramref name="symbols"/> in place; returns the number of symbols left.</summary>
    public static int Merge(Span<int> symbols, Dictionary<long, (int Rank, int Merged)> merges)
    {
        int length = symbols.Length;
        int[] current = symbols.ToArray();
        int[] next = new int[length];
        int[] previous = new int[length];
        for (int index = 0; index < length; index++)
        {
            next[index] = index + 1;
            previous[index] = index - 1;
        }

        var pairs = new PriorityQueue<Pair, (int Rank, int Position)>();
        for (int index = 0; index + 1 < length; index++)
        {
            Enqueue(pairs, merges, current, index, index + 1);
        }

        var round = new List<Pair>();
        var merged = new List<int>();
        while (pairs.TryPeek(out _, out var lowest))
        {
            round.Clear();
            while (pairs.TryPeek(out _, out var priority) && priority.Rank == lowest.Rank)
            {
                round.Add(pairs.Dequeue());
            }

            merged.Clear();
            foreach (Pair pair in round)
            {
                int right = next[pair.Position];

                // Entries go stale when a neighbour was merged; an overlapping occurrence loses to the left one.
                if (current[pair.Position] != pair.Left || right >= length || current[right] != pair.Right)
                {
                    continue;
                }

                current[pair.Position] = pair.Merged;
                current[right] = -1;
                next[pair.Position] = next[right];
                if (next[right] < length)
                {
                    previous[next[right]] = pair.Position;
                }

                merged.Add(pair.Position);
            }

            foreach (int position in merged)
            {
                if (previous[position] >= 0)
                {
                    Enqueue(pairs, merges, current, previous[position], position);
                }

                if (next[position] < length)
                {
                    Enqueue(pairs, merges, current, position, next[position]);
                }
            }
        }

        int count = 0;
        for (int index = 0; index < length; index = next[index])
        {
            symbols[count++] = current[index];
        }

        return count;
    }

    private static void Enqueue(
        PriorityQueue<Pair, (int Rank, int Position)> pairs,
        Dictionary<long, (int Rank, int Merged)> merges,
        int[] current,
        int left,
        int right)
    {
        if (merges.TryGetValue(BpeModel.Key(current[left], current[right]), out var merge))
        {
            pairs.Enqueue(new Pair(left, current[left], current[right], merge.Merged), (merge.Rank, left));
        }
    }

    private readonly record struct Pair(int Position, int Left, int Right, int Merged);
}
