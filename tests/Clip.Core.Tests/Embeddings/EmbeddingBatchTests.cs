using Clip.Core.Embeddings;

namespace Clip.Core.Tests.Embeddings;

public sealed class EmbeddingBatchTests
{
    [Fact]
    public void Row_ThreeByTwo_ReturnsConsecutiveSlices()
    {
        var batch = new EmbeddingBatch([1, 2, 3, 4, 5, 6], dimension: 2);

        Assert.Equal(3, batch.Count);
        Assert.Equal([3f, 4f], batch[1].ToArray());
        Assert.Equal([5f, 6f], batch.RowToArray(2));
    }

    [Fact]
    public void Row_OutOfRange_Throws()
    {
        var batch = new EmbeddingBatch(count: 2, dimension: 4);

        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Row(2).ToArray());
    }

    [Fact]
    public void Constructor_ValuesNotWholeRows_Throws()
    {
        Assert.Throws<ArgumentException>(() => new EmbeddingBatch([1, 2, 3], dimension: 2));
    }

    [Fact]
    public void NormalizeRows_MixedRows_ScalesToUnitLengthAndLeavesZeroRow()
    {
        var batch = new EmbeddingBatch([3, 4, 0, 0, -5, 12], dimension: 2);

        batch.NormalizeRows();

        Assert.Equal([0.6f, 0.8f, 0f, 0f, -5f / 13, 12f / 13], batch.Values.ToArray());
    }
}
