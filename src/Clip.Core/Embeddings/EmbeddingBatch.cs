namespace Clip.Core.Embeddings;

/// <summary>
/// A batch of embeddings stored row after row in one array: row <c>i</c> is the values
/// <c>[i * Dimension, (i + 1) * Dimension)</c>. Encoders return their rows L2-normalised, so a dot product of two
/// rows is their cosine similarity.
/// </summary>
public sealed class EmbeddingBatch
{
    private readonly float[] _values;

    /// <summary>Wraps <paramref name="values"/> (not copied) as rows of <paramref name="dimension"/> floats.</summary>
    public EmbeddingBatch(float[] values, int dimension)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        if (values.Length % dimension != 0)
        {
            throw new ArgumentException(
                $"{values.Length} values do not split into rows of {dimension}.",
                nameof(values));
        }

        _values = values;
        Dimension = dimension;
        Count = values.Length / dimension;
    }

    /// <summary>Creates a batch of <paramref name="count"/> zero rows.</summary>
    public EmbeddingBatch(int count, int dimension)
        : this(new float[checked(count * dimension)], dimension)
    {
    }

    /// <summary>Number of rows.</summary>
    public int Count { get; }

    /// <summary>Floats per row (the embedding size).</summary>
    public int Dimension { get; }

    /// <summary>All rows, one after another.</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>Row <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> this[int index] => Row(index);

    /// <summary>Row <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> Row(int index) => WritableRow(index);

    /// <summary>A copy of row <paramref name="index"/>, for callers that keep it beyond the batch.</summary>
    public float[] RowToArray(int index) => Row(index).ToArray();

    internal Span<float> WritableRow(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The batch has {Count} rows.");
        }

        return _values.AsSpan(index * Dimension, Dimension);
    }

    internal Memory<float> WritableRows(int start, int count) =>
        _values.AsMemory(start * Dimension, count * Dimension);

    /// <summary>Scales every row to unit L2 length; an all-zero row stays zero.</summary>
    internal void NormalizeRows()
    {
        for (int row = 0; row < Count; row++)
        {
            VectorMath.NormalizeInPlace(WritableRow(row));
        }
    }
}
