using System.Numerics.Tensors;
using Clip.Core.Embeddings;

namespace Clip.Core.Evaluation;

/// <summary>
/// Scores stored row after row in one array: row <c>i</c> holds the values <c>[i * Columns, (i + 1) * Columns)</c>.
/// For classification a row is one sample and a column one class; for retrieval a row is one image and a column
/// one caption. Higher means more alike.
/// </summary>
public sealed class ScoreMatrix
{
    private readonly float[] _values;

    /// <summary>Wraps <paramref name="values"/> (not copied) as rows of <paramref name="columns"/> scores.</summary>
    public ScoreMatrix(float[] values, int columns)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if (values.Length % columns != 0)
        {
            throw new ArgumentException($"{values.Length} scores do not split into rows of {columns}.", nameof(values));
        }

        _values = values;
        Columns = columns;
        Rows = values.Length / columns;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Scores per row.</summary>
    public int Columns { get; }

    /// <summary>The score at <paramref name="row"/>, <paramref name="column"/>.</summary>
    public float this[int row, int column] => Row(row)[column];

    /// <summary>Row <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> Row(int index)
    {
        if ((uint)index >= (uint)Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The matrix has {Rows} rows.");
        }

        return _values.AsSpan(index * Columns, Columns);
    }

    /// <summary>A matrix from rows of equal length (copied).</summary>
    public static ScoreMatrix FromRows(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("A matrix needs at least one row to know its width.", nameof(rows));
        }

        int columns = rows[0].Length;
        if (rows.Any(row => row.Length != columns))
        {
            throw new ArgumentException($"Every row must hold {columns} scores, as the first does.", nameof(rows));
        }

        return new ScoreMatrix(rows.SelectMany(row => row).ToArray(), columns);
    }

    /// <summary>
    /// The dot product of every row of <paramref name="rows"/> with every row of <paramref name="columns"/>: the
    /// cosine similarity, since encoders return unit-length embeddings.
    /// </summary>
    public static ScoreMatrix Cosine(EmbeddingBatch rows, EmbeddingBatch columns)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        if (rows.Dimension != columns.Dimension || columns.Count == 0)
        {
            throw new ArgumentException(
                $"Need embeddings of one size and at least one column; got {rows.Dimension} and " +
                $"{columns.Dimension} floats, {columns.Count} columns.");
        }

        float[] values = new float[rows.Count * columns.Count];
        for (int r = 0; r < rows.Count; r++)
        {
            for (int c = 0; c < columns.Count; c++)
            {
                values[(r * columns.Count) + c] = TensorPrimitives.Dot(rows[r], columns[c]);
            }
        }

        return new ScoreMatrix(values, columns.Count);
    }
}
