using Pipeline.Processing.Curation;

namespace Pipeline.Tests.Curation;

public sealed class UnionFindTests
{
    [Fact]
    public void Sets_ChainOfPairs_MergesTransitivelyAndLeavesSingletonsOut()
    {
        var sets = new UnionFind();
        sets.Union(1, 2);
        sets.Union(3, 2);
        sets.Union(10, 11);
        sets.Find(99);

        var result = sets.Sets().OrderBy(s => s[0]).ToList();

        Assert.Equal(2, result.Count);
        Assert.Equal([1L, 2, 3], result[0]);
        Assert.Equal([10L, 11], result[1]);
    }

    [Fact]
    public void Find_AfterManyUnions_AllMembersShareOneRepresentative()
    {
        var sets = new UnionFind();
        for (long i = 1; i < 200; i++)
        {
            sets.Union(i, i + 1);
        }

        long root = sets.Find(1);
        Assert.All(Enumerable.Range(1, 200), i => Assert.Equal(root, sets.Find(i)));
    }
}
