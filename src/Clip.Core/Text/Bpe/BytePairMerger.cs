namespace Clip.Core.Text.Bpe;

/// <summary>The merge loop of byte-pair encoding on the symbol numbers of one word.</summary>
internal static class BytePairMerger
{
    // Up to this many symbols, rescanning all pairs each round beats keeping a heap of them.
    private const int LongWordLength = 64;

    /// <summary>
    /// Repeatedly merges the adjacent pair with the best (lowest) rank, every occurrence of it from left to right,
    /// until no adjacent pair has a rank. Works in place; returns the number of symbols left.
    /// </summary>
    public static int Merge(Span<int> symbols, Dictionary<long, (int Rank, int Merged)> merges) =>
        symbols.Length > LongWordLength
            ? LongWordMerger.Merge(symbols, merges)
            : MergeByScanning(symbols, merges);

    /// <summary><see cref="Merge"/> by rescanning every adjacent pair in each round.</summary>
    public static int MergeByScanning(Span<int> symbols, Dictionary<long, (int Rank, int Merged)> merges)
    {
        int count = symbols.Length;
        while (count > 1)
        {
            int bestIndex = -1;
            (int Rank, int Merged) best = (int.MaxValue, 0);
            for (int index = 0; index < count - 1; index++)
            {
                if (merges.TryGetValue(BpeModel.Key(symbols[index], symbols[index + 1]), out var merge)
                    && merge.Rank < best.Rank)
                {
                    best = merge;
                    bestIndex = index;
                }
            }

            if (bestIndex < 0)
            {
                break;
            }

            count = MergeAll(symbols[..count], bestIndex, best.Merged);
        }

        return count;
    }

    // Merges each occurrence of the pair found at `first` (none lies before it), left to right without overlap.
    private static int MergeAll(Span<int> symbols, int first, int merged)
    {
        int left = symbols[first];
        int right = symbols[first + 1];
        int write = first;
        for (int read = first; read < symbols.Length; write++)
        {
            if (read + 1 < symbols.Length && symbols[read] == left && symbols[read + 1] == right)
            {
                symbols[write] = merged;
                read += 2;
            }
            else
            {
                symbols[write] = symbols[read++];
            }
        }

        return write;
    }
}
