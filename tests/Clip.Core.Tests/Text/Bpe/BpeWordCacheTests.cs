using Clip.Core.Text.Bpe;

namespace Clip.Core.Tests.Text.Bpe;

public sealed class BpeWordCacheTests
{
    [Fact]
    public void TryGet_AfterTwoFullGenerations_ForgetsOldWords()
    {
        var cache = new BpeWordCache(generationCapacity: 2);
        cache.Add("a", [1]);
        cache.Add("b", [2]);
        cache.Add("c", [3]);
        cache.Add("d", [4]);

        Assert.False(cache.TryGet("a", out _));
        Assert.True(cache.TryGet("c", out int[] ids));
        Assert.Equal([3], ids);
    }

    [Fact]
    public void TryGet_WordFromPreviousGeneration_SurvivesTheNextRotation()
    {
        var cache = new BpeWordCache(generationCapacity: 2);
        cache.Add("a", [1]);
        cache.Add("b", [2]);
        Assert.True(cache.TryGet("a", out _));
        cache.Add("c", [3]);
        cache.Add("d", [4]);

        Assert.True(cache.TryGet("a", out int[] ids));
        Assert.Equal([1], ids);
        Assert.False(cache.TryGet("b", out _));
    }
}
