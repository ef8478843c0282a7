using System.Numerics.Tensors;
using Clip.Core.Embeddings;

namespace Clip.Core.ZeroShot;

/// <summary>
/// Prompt ensembling as CLIP does it: a class embedding is the L2-normalised mean of the L2-normalised embeddings of
/// its prompts, so every prompt weighs the same whatever its raw length.
/// </summary>
public static class PromptEnsemble
{
    /// <summary>
    /// Combines <paramref name="promptEmbeddings"/> (rows of <paramref name="dimension"/> floats, normalised or not)
    /// into one class embedding in <paramref name="destination"/>.
    /// </summary>
    public static void Combine(ReadOnlySpan<float> promptEmbeddings, int dimension, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        if (promptEmbeddings.IsEmpty || promptEmbeddings.Length % dimension != 0 || destination.Length != dimension)
        {
            throw new ArgumentException(
                $"Need one or more rows of {dimension} and a destination of {dimension}; got " +
                $"{promptEmbeddings.Length} values and a destination of {destination.Length}.");
        }

        destination.Clear();
        Span<float> row = dimension <= 1024 ? stackalloc float[dimension] : new float[dimension];
        for (int start = 0; start < promptEmbeddings.Length; start += dimension)
        {
            promptEmbeddings.Slice(start, dimension).CopyTo(row);
            VectorMath.NormalizeInPlace(row);
            TensorPrimitives.Add(destination, row, destination);
        }

        // Dividing by the count would not change the direction, and the normalisation below removes the length.
        VectorMath.NormalizeInPlace(destination);
    }

    /// <summary>
    /// Embeds every class of <paramref name="labelSet"/> and its background prompts with one batched run of the
    /// text encoder.
    /// </summary>
    public static LabelSetEmbeddings Embed(
        LabelSet labelSet,
        ClipTextEncoder textEncoder,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(textEncoder);
        return Embed(labelSet, prompts => textEncoder.Encode(prompts, cancellationToken));
    }

    internal static LabelSetEmbeddings Embed(LabelSet labelSet, Func<IReadOnlyList<string>, EmbeddingBatch> encode)
    {
        ArgumentNullException.ThrowIfNull(labelSet);
        List<IReadOnlyList<string>> groups =
            [.. Enumerable.Range(0, labelSet.Classes.Count).Select(labelSet.PromptsOf)];
        groups.Add(labelSet.BackgroundPrompts);
        EmbeddingBatch prompts = encode(groups.SelectMany(group => group).ToArray());

        int dimension = prompts.Dimension;
        var combined = new EmbeddingBatch(groups.Count, dimension);
        int first = 0;
        for (int group = 0; group < groups.Count; group++)
        {
            int count = groups[group].Count;
            Combine(prompts.Values.Slice(first * dimension, count * dimension), dimension, combined.WritableRow(group));
            first += count;
        }

        float[] classes = combined.Values[..(labelSet.Classes.Count * dimension)].ToArray();
        return new LabelSetEmbeddings(new EmbeddingBatch(classes, dimension), combined.RowToArray(groups.Count - 1));
    }
}
