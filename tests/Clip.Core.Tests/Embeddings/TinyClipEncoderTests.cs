using System.Numerics.Tensors;
using Clip.Core.Embeddings;
using Clip.Core.Models;
using Clip.Core.Tests.Models;

namespace Clip.Core.Tests.Embeddings;

/// <summary>The encoders on the committed random-weight model, against its PyTorch reference outputs.</summary>
public sealed class TinyClipEncoderTests
{
    private static readonly TinyClipReference Reference = TinyClipReference.Load();

    [Fact]
    public void EncodeImages_ReferenceInputs_MatchNormalisedPyTorchOutputs()
    {
        using ClipModel model = TestModels.Load(TinyClipReference.Directory);

        EmbeddingBatch batch = model.ImageEncoder.Encode(TinyClipReference.Pixels(2), 2);

        AssertMatchesNormalised(Reference.ImageEmbeds, batch);
    }

    [Fact]
    public void EncodeIds_ReferenceInputs_MatchNormalisedPyTorchOutputs()
    {
        using ClipModel model = TestModels.Load(TinyClipReference.Directory);
        long[] ids = Reference.InputIds.SelectMany(row => row).ToArray();

        EmbeddingBatch batch = model.TextEncoder.Encode(ids, Reference.InputIds.Length);

        AssertMatchesNormalised(Reference.TextEmbeds, batch);
    }

    [Fact]
    public void EncodeTexts_ReferenceTexts_TokenizeAndMatchNormalisedPyTorchOutputs()
    {
        using ClipModel model = TestModels.Load(TinyClipReference.Directory);

        EmbeddingBatch batch = model.TextEncoder.Encode(Reference.Texts);

        AssertMatchesNormalised(Reference.TextEmbeds, batch);
    }

    [Fact]
    public void EncodeImages_AnyBatch_RowsHaveUnitLength()
    {
        using ClipModel model = TestModels.Load(TinyClipReference.Directory);

        EmbeddingBatch batch = model.ImageEncoder.Encode(TinyClipReference.Pixels(3), 3);

        for (int row = 0; row < batch.Count; row++)
        {
            Assert.InRange(TensorPrimitives.Norm(batch[row]), 1f - 1e-5f, 1f + 1e-5f);
        }
    }

    [Fact]
    public void EncodeImages_BatchOfOne_EqualsSameRowInBatchOfFive()
    {
        using ClipModel model = TestModels.Load(TinyClipReference.Directory);
        float[] five = TinyClipReference.Pixels(5);
        int perImage = model.ImageEncoder.ValuesPerImage;

        EmbeddingBatch all = model.ImageEncoder.Encode(five, 5);
        EmbeddingBatch third = model.ImageEncoder.Encode(five.AsSpan(2 * perImage, perImage), 1);

        AssertClose(all[2], third[0], 1e-5f);
    }

    [Fact]
    public void EncodeIds_BatchOfOne_EqualsSameRowInBatchOfFive()
    {
        using ClipModel model = TestModels.Load(TinyClipReference.Directory);
        long[] five = [.. Reference.InputIds.SelectMany(row => row), .. Reference.InputIds[1]];

        EmbeddingBatch all = model.TextEncoder.Encode(five, 5);
        EmbeddingBatch second = model.TextEncoder.Encode(Reference.InputIds[1], 1);

        AssertClose(all[1], second[0], 1e-5f);
        AssertClose(all[4], second[0], 1e-5f);
    }

    private static void AssertMatchesNormalised(float[][] reference, EmbeddingBatch actual)
    {
        Assert.Equal(reference.Length, actual.Count);
        for (int row = 0; row < reference.Length; row++)
        {
            float[] expected = reference[row].ToArray();
            float norm = TensorPrimitives.Norm(expected);
            TensorPrimitives.Divide(expected, norm, expected);
            AssertClose(expected, actual[row], Reference.Tolerance);
        }
    }

    private static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, float tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(
                Math.Abs(expected[i] - actual[i]) <= tolerance,
                $"[{i}]: expected {expected[i]}, got {actual[i]} (tolerance {tolerance})");
        }
    }
}
