using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Clip.Core.Imaging.Preprocessing;

/// <summary>
/// The reference's 8-bit horizontal bicubic pass: 22-bit fixed-point weights, an accumulator starting at one half,
/// and the result clipped to 0..255. Integer sums do not depend on their order, so the vector paths are exact.
/// </summary>
internal static class FixedPointHorizontalPass
{
    private const int Half = 1 << (AxisCoefficients.PrecisionBits - 1);

    /// <summary>
    /// Resamples one row. <paramref name="source"/> starts at input column
    /// <see cref="AxisCoefficients.SourceFirst"/>; <paramref name="target"/> receives
    /// <see cref="AxisCoefficients.Count"/> pixels.
    /// </summary>
    public static void Run(ReadOnlySpan<byte> source, Span<byte> target, AxisCoefficients table, int channels)
    {
        for (int i = 0; i < table.Count; i++)
        {
            int start = (table.Starts[i] - table.SourceFirst) * channels;
            int length = table.Lengths[i];
            bool done = Vector128.IsHardwareAccelerated && channels switch
            {
                // A pixel's channels fill one 4-lane vector; with 3 channels the spare lane reads the next pixel.
                3 or 4 => TryPixelLanes(source, target, table, i, start, length, channels),
                // One channel: four taps at a time against the zero-padded weight list.
                1 => TryTapLanes(source, target, table, i, start, length),
                _ => false,
            };
            if (!done)
            {
                ScalarPixel(source, target, table, i, start, channels);
            }
        }
    }

    internal static byte Clip8(int accumulator) =>
        (byte)Math.Clamp(accumulator >> AxisCoefficients.PrecisionBits, 0, 255);

    private static bool TryPixelLanes(
        ReadOnlySpan<byte> source,
        Span<byte> target,
        AxisCoefficients table,
        int i,
        int start,
        int length,
        int channels)
    {
        if (start + ((length - 1) * channels) + 4 > source.Length)
        {
            return false;
        }

        ref byte pixels = ref MemoryMarshal.GetReference(source);
        ref int weights = ref table.FixedWeights[i * table.Stride];
        Vector128<int> sum = Vector128.Create(Half);
        for (int t = 0; t < length; t++)
        {
            sum += Load4(ref Unsafe.Add(ref pixels, start + (t * channels))) * Unsafe.Add(ref weights, t);
        }

        Vector128<int> clipped = Vector128.Min(
            Vector128.Max(Vector128.ShiftRightArithmetic(sum, AxisCoefficients.PrecisionBits), Vector128<int>.Zero),
            Vector128.Create(255));
        Vector128<ushort> words = Vector128.Narrow(clipped.AsUInt32(), clipped.AsUInt32());
        uint packed = Vector128.Narrow(words, words).AsUInt32().ToScalar();
        int o = i * channels;
        for (int c = 0; c < channels; c++, packed >>= 8)
        {
            target[o + c] = (byte)packed;
        }

        return true;
    }

    private static bool TryTapLanes(
        ReadOnlySpan<byte> source, Span<byte> target, AxisCoefficients table, int i, int start, int length)
    {
        int rounded = (length + 3) & ~3;
        if (start + rounded > source.Length)
        {
            return false;
        }

        ref byte pixels = ref MemoryMarshal.GetReference(source);
        ref int weights = ref table.FixedWeights[i * table.Stride];
        Vector128<int> sum = Vector128<int>.Zero;
        for (int t = 0; t < rounded; t += 4)
        {
            sum += Load4(ref Unsafe.Add(ref pixels, start + t)) * Vector128.LoadUnsafe(ref weights, (nuint)t);
        }

        target[i] = Clip8(Vector128.Sum(sum) + Half);
        return true;
    }

    private static void ScalarPixel(
        ReadOnlySpan<byte> source, Span<byte> target, AxisCoefficients table, int i, int start, int channels)
    {
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

    // Four consecutive bytes widened to four int lanes (one pmovzxbd on x64).
    private static Vector128<int> Load4(ref byte at)
    {
        Vector128<byte> bytes = Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<uint>(ref at)).AsByte();
        return Vector128.WidenLower(Vector128.WidenLower(bytes)).AsInt32();
    }
}
