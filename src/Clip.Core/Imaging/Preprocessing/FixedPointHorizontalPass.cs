using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Clip.Core.Imaging.Preprocessing;

/// <summary>
/// The reference's 8-bit horizontal bicubic pass: 22-bit fixed-point weights, an accumulator starting at one half,
/// and the result clipped to 0..255. Integer sums do not depend on their order, so the vector paths are exact.
/// </summary>
internal static class FixedPointHorizontalPass
{
    internal const int Half = 1 << (AxisCoefficients.PrecisionBits - 1);

    /// <summary>
    /// Resamples two rows with the same table, using the widest vector path the processor runs natively; the two
    /// may be one row. Each source starts at input column <see cref="AxisCoefficients.SourceFirst"/>; each target
    /// receives <see cref="AxisCoefficients.Count"/> pixels.
    /// </summary>
    public static void Run(
        ReadOnlySpan<byte> upper,
        ReadOnlySpan<byte> lower,
        Span<byte> upperTarget,
        Span<byte> lowerTarget,
        AxisCoefficients table,
        int channels)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            // Rows go in pairs so that the 256-bit loop spreads each weight over its lanes once for both.
            HorizontalVector256Kernel.Run(upper, lower, upperTarget, lowerTarget, table, channels);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            HorizontalVector128Kernel.Run(upper, upperTarget, table, channels);
            HorizontalVector128Kernel.Run(lower, lowerTarget, table, channels);
        }
        else
        {
            RunScalar(upper, upperTarget, table, channels);
            RunScalar(lower, lowerTarget, table, channels);
        }
    }

    /// <summary>The plain loop, one channel of one pixel at a time; what the vector paths must equal.</summary>
    internal static void RunScalar(ReadOnlySpan<byte> source, Span<byte> target, AxisCoefficients table, int channels)
    {
        for (int i = 0; i < table.Count; i++)
        {
            ScalarPixel(source, target, table, i, channels);
        }
    }

    // Kept out of the vector loops, which take it only at a row's end, so that it does not crowd their registers.
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ScalarPixel(
        ReadOnlySpan<byte> source, Span<byte> target, AxisCoefficients table, int i, int channels)
    {
        int start = (table.Starts[i] - table.SourceFirst) * channels;
        ReadOnlySpan<int> weights = table.FixedWeights.AsSpan(i * table.Stride, table.Lengths[i]);
        for (int c = 0; c < channels; c++)
        {
            int sum = Half;
            for (int t = 0; t < weights.Length; t++)
            {
                sum += source[start + (t * channels) + c] * weights[t];
            }

            target[(i * channels) + c] = Clip8(sum);
        }
    }

    internal static byte Clip8(int accumulator) =>
        (byte)Math.Clamp(accumulator >> AxisCoefficients.PrecisionBits, 0, 255);

    /// <summary>
    /// Writes one pixel whose channel sums (without the half) are in the first <paramref name="channels"/> lanes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void StorePixel(Span<byte> target, int offset, int channels, Vector128<int> sums)
    {
        Vector128<int> shifted = Vector128.ShiftRightArithmetic(
            sums + Vector128.Create(Half),
            AxisCoefficients.PrecisionBits);
        Vector128<byte> clipped = Vector128.Clamp(shifted, Vector128<int>.Zero, Vector128.Create(255)).AsByte();
        // Each clipped lane's value is its lowest byte; one byte shuffle gathers the four.
        Vector128<byte> lowBytes = Vector128.Create((byte)0, 4, 8, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        uint packed = Vector128.Shuffle(clipped, lowBytes).AsUInt32().ToScalar();
        if (offset + 4 <= target.Length)
        {
            // One 4-byte store; with 3 channels the spare byte lands on the next pixel, which overwrites it.
            Unsafe.WriteUnaligned(ref target[offset], packed);
            return;
        }

        for (int c = 0; c < channels; c++, packed >>= 8)
        {
            target[offset + c] = (byte)packed;
        }
    }

    // Four consecutive bytes widened to four int lanes (one pmovzxbd on x64).
    internal static Vector128<int> Load4(ref byte at)
    {
        Vector128<byte> bytes = Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<uint>(ref at)).AsByte();
        return Vector128.WidenLower(Vector128.WidenLower(bytes)).AsInt32();
    }
}
