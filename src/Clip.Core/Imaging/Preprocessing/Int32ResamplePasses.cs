namespace Clip.Core.Imaging.Preprocessing;

/// <summary>
/// The reference's bicubic passes for 32-bit integer images (how it holds 16-bit grey): double-precision weights,
/// sums in input order, each pass rounded half away from zero, no clipping.
/// </summary>
internal static class Int32ResamplePasses
{
    /// <summary>One row, from input column <see cref="AxisCoefficients.SourceFirst"/> on.</summary>
    public static void Horizontal(ReadOnlySpan<int> source, Span<int> target, AxisCoefficients table)
    {
        for (int i = 0; i < table.Count; i++)
        {
            int start = table.Starts[i] - table.SourceFirst;
            ReadOnlySpan<double> weights = table.Weights.AsSpan(i * table.Stride, table.Lengths[i]);
            double sum = 0.0;
            for (int t = 0; t < weights.Length; t++)
            {
                sum += source[start + t] * weights[t];
            }

            target[i] = RoundHalfAwayFromZero(sum);
        }
    }

    /// <summary>
    /// Rows of <paramref name="rowLength"/> samples, from input row <see cref="AxisCoefficients.SourceFirst"/> on.
    /// </summary>
    public static void Vertical(ReadOnlySpan<int> source, Span<int> target, int rowLength, AxisCoefficients table)
    {
        for (int r = 0; r < table.Count; r++)
        {
            ReadOnlySpan<int> rows = source.Slice((table.Starts[r] - table.SourceFirst) * rowLength);
            ReadOnlySpan<double> weights = table.Weights.AsSpan(r * table.Stride, table.Lengths[r]);
            for (int x = 0; x < rowLength; x++)
            {
                double sum = 0.0;
                for (int t = 0; t < weights.Length; t++)
                {
                    sum += rows[(t * rowLength) + x] * weights[t];
                }

                target[(r * rowLength) + x] = RoundHalfAwayFromZero(sum);
            }
        }
    }

    // The reference adds a float 0.5 and truncates; the float widens to double, so this is exact.
    private static int RoundHalfAwayFromZero(double value) => (int)(value >= 0.0 ? value + 0.5 : value - 0.5);
}
