using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Clip.Core.Imaging.Preprocessing;

/// <summary>
/// The horizontal pass for one-channel (grey) rows: consecutive taps fill the lanes and meet the weight list, which
/// is zero-padded to a multiple of four, as it is stored. A pixel whose loads would run past the row takes the
/// scalar loop.
/// </summary>
internal static class OneChannelHorizontalKernel
{
    /// <summary>Eight taps per multiply, then a last four.</summary>
    public static void RunVector256(ReadOnlySpan<byte> source, Span<byte> target, AxisCoefficients table)
    {
        for (int i = 0; i < table.Count; i++)
        {
            int start = table.Starts[i] - table.SourceFirst;
            int rounded = (table.Lengths[i] + 3) & ~3;
            if (start + rounded > source.Length)
            {
                FixedPointHorizontalPass.ScalarPixel(source, target, table, i, 1);
                continue;
            }

            ref byte pixels = ref Unsafe.Add(ref MemoryMarshal.GetReference(source), start);
            ref int weights = ref table.FixedWeights[i * table.Stride];
            Vector256<int> wide = Vector256<int>.Zero;
            int t = 0;
            for (; t + 8 <= rounded; t += 8)
            {
                wide += HorizontalVector256Kernel.Load8(ref Unsafe.Add(ref pixels, t))
                    * Vector256.LoadUnsafe(ref weights, (nuint)t);
            }

            // The padding reaches a multiple of four only, so eight more taps could read the next pixel's weights.
            Vector128<int> sum = wide.GetLower() + wide.GetUpper();
            if (t < rounded)
            {
                sum += FixedPointHorizontalPass.Load4(ref Unsafe.Add(ref pixels, t))
                    * Vector128.LoadUnsafe(ref weights, (nuint)t);
            }

            target[i] = FixedPointHorizontalPass.Clip8(Vector128.Sum(sum) + FixedPointHorizontalPass.Half);
        }
    }

    /// <summary>Four taps per multiply.</summary>
    public static void RunVector128(ReadOnlySpan<byte> source, Span<byte> target, AxisCoefficients table)
    {
        for (int i = 0; i < table.Count; i++)
        {
            int start = table.Starts[i] - table.SourceFirst;
            int rounded = (table.Lengths[i] + 3) & ~3;
            if (start + rounded > source.Length)
            {
                FixedPointHorizontalPass.ScalarPixel(source, target, table, i, 1);
                continue;
            }

            ref byte pixels = ref Unsafe.Add(ref MemoryMarshal.GetReference(source), start);
            ref int weights = ref table.FixedWeights[i * table.Stride];
            Vector128<int> sum = Vector128<int>.Zero;
            for (int t = 0; t < rounded; t += 4)
            {
                sum += FixedPointHorizontalPass.Load4(ref Unsafe.Add(ref pixels, t))
                    * Vector128.LoadUnsafe(ref weights, (nuint)t);
            }

            target[i] = FixedPointHorizontalPass.Clip8(Vector128.Sum(sum) + FixedPointHorizontalPass.Half);
        }
    }
}
