using Clip.Core.Embeddings;

namespace Clip.Core.Tests.Embeddings;

public sealed class AttentionMaskTests
{
    [Fact]
    public void Fill_RowsPaddedWithZeroOrEndOfText_CoverTextUpToFirstEndOfText()
    {
        long[] ids = [7, 5, 9, 0, 0, 7, 9, 9, 9, 9, 7, 5, 5, 5, 5];

        long[] mask = new long[ids.Length];
        AttentionMask.Fill(ids, contextLength: 5, endOfTextId: 9, mask);

        Assert.Equal([1, 1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1], mask);
    }

    [Fact]
    public void Fill_MaskLengthDiffersFromIds_Throws()
    {
        Assert.Throws<ArgumentException>(() => AttentionMask.Fill(new long[10], 5, 9, new long[5]));
    }
}
