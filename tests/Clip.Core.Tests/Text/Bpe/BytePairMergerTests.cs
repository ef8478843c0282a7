using Clip.Core.Text.Bpe;

namespace Clip.Core.Tests.Text.Bpe;

public sealed class BytePairMergerTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public void LongWordMerger_RandomWords_MergesLikeRescanning(int seed, bool ranksOutOfOrder)
    {
        var random = new Random(seed);
        Dictionary<long, (int Rank, int Merged)> merges = RandomMerges(random, ranksOutOfOrder);

        for (int trial = 0; trial < 400; trial++)
        {
            int[] word = [.. Enumerable.Range(0, random.Next(1, 300)).Select(_ => random.Next(4))];
            int[] scanned = (int[])word.Clone();
            int[] heaped = (int[])word.Clone();

            int scannedCount = BytePairMerger.MergeByScanning(scanned, merges);
            int heapedCount = LongWordMerger.Merge(heaped, merges);

            Assert.Equal(scanned[..scannedCount], heaped[..heapedCount]);
        }
    }

    [Fact]
    public void MergeByScanning_OverlappingPair_MergesLeftmostFirst()
    {
        var merges = new Dictionary<long, (int Rank, int Merged)> { [BpeModel.Key(0, 0)] = (0, 1) };
        int[] word = [0, 0, 0];

        int count = BytePairMerger.MergeByScanning(word, merges);

        Assert.Equal([1, 0], word[..count]);
    }

    // Symbols 0-3 are bytes; each merge joins two existing symbols into a new one. With ranks out of order, a
    // merge can rank before the merges that create its halves, which exercises the round structure.
    private static Dictionary<long, (int Rank, int Merged)> RandomMerges(Random random, bool ranksOutOfOrder)
    {
        var merges = new Dictionary<long, (int Rank, int Merged)>();
        int[] ranks = [.. Enumerable.Range(0, 60)];
        if (ranksOutOfOrder)
        {
            random.Shuffle(ranks);
        }

        int symbolCount = 4;
        for (int index = 0; index < ranks.Length; index++)
        {
            long key = BpeModel.Key(random.Next(symbolCount), random.Next(symbolCount));
            if (merges.TryAdd(key, (ranks[index], symbolCount)))
            {
                symbolCount++;
            }
        }

        return merges;
    }
}
