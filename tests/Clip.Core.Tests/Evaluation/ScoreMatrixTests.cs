using Clip.Core.Embeddings;
using Clip.Core.Evaluation;

namespace Clip.Core.Tests.Evaluation;

public sealed class ScoreMatrixTests
{
    [Fact]
    public void Cosine_UnitRows_GivesDotProducts()
    {
        // (1, 0)·(0, 1) = 0, (1, 0)·(0.6, 0.8) = 0.6; (0.6, 0.8)·(0, 1) = 0.8, (0.6, 0.8)·(0.6, 0.8) = 1.
        var rows = new EmbeddingBatch([1f, 0f, 0.6f, 0.8f], 2);
        var columns = new EmbeddingBatch([0f, 1f, 0.6f, 0.8f], 2);

        ScoreMatrix scores = ScoreMatrix.Cosine(rows, columns);

        Assert.Equal(2, scores.Rows);
        Assert.Equal(0f, scores[0, 0], 1e-6f);
        Assert.Equal(0.6f, scores[0, 1], 1e-6f);
        Assert.Equal(0.8f, scores[1, 0], 1e-6f);
        Assert.Equal(1f, scores[1, 1], 1e-6f);
    }

    [Fact]
    public void FromRows_RowsOfDifferentLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => ScoreMatrix.FromRows([[1f, 2f], [3f]]));
    }

    [Fact]
    public void Constructor_ValuesNotAWholeNumberOfRows_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ScoreMatrix([1f, 2f, 3f], 2));
    }
}
