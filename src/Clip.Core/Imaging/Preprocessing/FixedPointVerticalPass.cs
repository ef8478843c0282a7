using System.Numerics;
using System.Runtime.InteropServices;

namespace Clip.Core.Imaging.Preprocessing;

/// <summary>
/// The reference's 8-bit vertical bicubic pass. Every byte of an output row is an independent sum over the same
/// input rows, so a whole vector of bytes is processed per weight.
/// </summary>
internal static class FixedPointVerticalPass
{
    private const int Half = 1 << (AxisCoefficients.PrecisionBits - 1);

    /// <summary>
    /// <paramref name="source"/> holds rows of <paramref name="rowLength"/> bytes starting at input row
    /// <see cref="AxisCoefficients.SourceFirst"/>; <paramref name="target"/> receives
    /// <see cref="AxisCoefficients.Count"/> rows.
    /// </summary>
    public static void Run(ReadOnlySpan<byte> source, Span<byte> target, int rowLength, AxisCoefficients table)
    {
        for (int r = 0; r < table.Count; r++)
        {
            ReadOnlySpan<byte> rows = source.Slice((table.Starts[r] - table.SourceFirst) * rowLength);
            ReadOnlySpan<int> weights = table.FixedWeights.AsSpan(r * table.Stride, table.Lengths[r]);
            Span<byte> output = target.Slice(r * rowLength, rowLength);

            int x = Vector.IsHardwareAccelerated ? VectorColumns(rows, output, rowLength, weights) : 0;
            for (; x < rowLength; x++)
            {
                int sum = Half;
                for (int t = 0; t < weights.Length; t++)
                {
                    sum += rows[(t * rowLength) + x] * weights[t];
                }

                output[x] = FixedPointHorizontalPass.Clip8(sum);
            }
        }
    }

    private static int VectorColumns(
        ReadOnlySpan<byte> rows,
        Span<byte> output,
        int rowLength,
        ReadOnlySpan<int> weights)
    {
        ref byte input = ref MemoryMarshal.GetReference(rows);
        ref byte result = ref MemoryMarshal.GetReference(output);
        int step = Vector<byte>.Count;
        int x = 0;
        for (; x + step <= rowLength; x += step)
        {
            // One byte vector widens to four int vectors; each gets its own accumulator.
            Vector<int> s0 = new(Half), s1 = s0, s2 = s0, s3 = s0;
            for (int t = 0; t < weights.Length; t++)
            {
                Vector<byte> bytes = Vector.LoadUnsafe(ref input, (nuint)((t * rowLength) + x));
                Vector.Widen(bytes, out Vector<ushort> low, out Vector<ushort> high);
                Vector.Widen(low, out Vector<uint> w0, out Vector<uint> w1);
                Vector.Widen(high, out Vector<uint> w2, out Vector<uint> w3);
                var weight = new Vector<int>(weights[t]);
                s0 += Vector.AsVectorInt32(w0) * weight;
                s1 += Vector.AsVectorInt32(w1) * weight;
                s2 += Vector.AsVectorInt32(w2) * weight;
                s3 += Vector.AsVectorInt32(w3) * weight;
            }

            Vector<ushort> lowWords = Vector.Narrow(Clip(s0), Clip(s1));
            Vector<ushort> highWords = Vector.Narrow(Clip(s2), Clip(s3));
            Vector.Narrow(lowWords, highWords).StoreUnsafe(ref result, (nuint)x);
        }

        return x;
    }

    private static Vector<uint> Clip(Vector<int> sum)
    {
        Vector<int> shifted = Vector.ShiftRightArithmetic(sum, AxisCoefficients.PrecisionBits);
        return Vector.AsVectorUInt32(Vector.Min(Vector.Max(shifted, Vector<int>.Zero), new Vector<int>(255)));
    }
}
