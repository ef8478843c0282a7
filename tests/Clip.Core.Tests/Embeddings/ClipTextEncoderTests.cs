using Clip.Core.Embeddings;
using Clip.Core.Models;
using Clip.Core.Tests.Models;

namespace Clip.Core.Tests.Embeddings;

/// <summary>
/// Runs the arithmetic test graphs: with a mask input the text embedding is [id0, id1, mask sum], without one it is
/// [id0, id1, id2], so the expected values are worked out by hand. Ids follow the tiny-clip tokenizer.
/// </summary>
public sealed class ClipTextEncoderTests
{
    private const long Start = 543;
    private const long End = 544;

    [Fact]
    public void Encode_PaddedWithEndOfText_MasksUpToAndIncludingFirstEndOfText()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        using ClipModel model = TestModels.Load(folder.Path);

        EmbeddingBatch batch = model.TextEncoder.Encode(Row(Start, 320, End, End, End), 1);

        AssertDirection([Start, 320, 3], batch[0]);
    }

    [Fact]
    public void Encode_RowWithoutEndOfText_MasksWholeRow()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        using ClipModel model = TestModels.Load(folder.Path);

        EmbeddingBatch batch = model.TextEncoder.Encode(Row(Start, 320, 321), 1);

        AssertDirection([Start, 320, 77], batch[0]);
    }

    [Fact]
    public void Encode_GraphWithoutMaskInput_FeedsIdsOnly()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic(textGraph: "text_model_no_mask");
        using ClipModel model = TestModels.Load(folder.Path);

        EmbeddingBatch batch = model.TextEncoder.Encode(Row(Start, 320, End), 1);

        AssertDirection([Start, 320, End], batch[0]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Encode_Texts_TokenizesThenEncodesInChunks(bool combined)
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic(combined: combined);
        var options = new ClipModelOptions { ExecutionProvider = ExecutionProviderPreference.Cpu, MaxBatchSize = 3 };
        using ClipModel model = TestModels.Load(folder.Path, options);
        TinyClipReference reference = TinyClipReference.Load();

        EmbeddingBatch batch = model.TextEncoder.Encode(reference.Texts);

        // The reference ids of each text give the expected [id0, id1, ids up to and including end-of-text].
        Assert.Equal(reference.Texts.Length, batch.Count);
        for (int i = 0; i < reference.Texts.Length; i++)
        {
            long[] ids = reference.InputIds[i];
            AssertDirection([ids[0], ids[1], Array.IndexOf(ids, End) + 1], batch[i]);
        }
    }

    [Fact]
    public void Encode_IdsNotWholeRows_ThrowsArgumentException()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        using ClipModel model = TestModels.Load(folder.Path);

        Assert.Throws<ArgumentException>(() => model.TextEncoder.Encode(new long[76], 1));
    }

    private static long[] Row(params long[] ids)
    {
        long[] row = new long[77];
        ids.CopyTo(row, 0);
        return row;
    }

    /// <summary>Checks <paramref name="actual"/> is <paramref name="raw"/> scaled to unit length.</summary>
    private static void AssertDirection(double[] raw, ReadOnlySpan<float> actual)
    {
        double norm = Math.Sqrt(raw.Sum(v => v * v));
        Assert.Equal(raw.Length, actual.Length);
        for (int i = 0; i < raw.Length; i++)
        {
            double expected = raw[i] / norm;
            Assert.True(Math.Abs(expected - actual[i]) < 1e-6, $"[{i}]: expected {expected}, got {actual[i]}");
        }
    }
}
