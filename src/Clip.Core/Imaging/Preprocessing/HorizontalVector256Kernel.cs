using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Clip.Core.Imaging.Preprocessing;

/// <summary>
/// The horizontal pass with 8-lane integer vectors, two rows at a time: two taps of a 3- or 4-channel pixel per
/// multiply. A pixel whose loads would run past a row, or a two-channel row, takes the scalar loop. Without 256-bit
/// hardware the same code runs emulated: correct, only slow.
/// </summary>
internal static class HorizontalVector256Kernel
{
    /// <summary>Same contract as <see cref="FixedPointHorizontalPass.Run"/>.</summary>
    public static void Run(
        ReadOnlySpan<byte> upper,
        ReadOnlySpan<byte> lower,
        Span<byte> upperTarget,
        Span<byte> lowerTarget,
        AxisCoefficients table,
        int channels)
    {
        switch (channels)
        {
            case 3 or 4:
                TapPairs(upper, lower, upperTarget, lowerTarget, table, channels);
                break;
            case 1:
                OneChannelHorizontalKernel.RunVector256(upper, upperTarget, table);
                OneChannelHorizontalKernel.RunVector256(lower, lowerTarget, table);
                break;
            default:
                FixedPointHorizontalPass.RunScalar(upper, upperTarget, table, channels);
                FixedPointHorizontalPass.RunScalar(lower, lowerTarget, table, channels);
                break;
        }
    }

    private static void TapPairs(
        ReadOnlySpan<byte> upper,
        ReadOnlySpan<byte> lower,
        Span<byte> upperTarget,
        Span<byte> lowerTarget,
        AxisCoefficients table,
        int channels)
    {
        // Lanes 0..c-1 hold one tap's channels and lanes c..2c-1 the next tap's; with 3 channels lanes 6 and 7 read
        // a third tap and are never summed.
        Vector256<int> lanes = Vector256<int>.Indices;
        Vector256<int> channelCount = Vector256.Create(channels);
        Vector256<int> weightOfLane = Vector256.GreaterThanOrEqual(lanes, channelCount) & Vector256<int>.One;
        Vector256<int> nextPair = weightOfLane + Vector256.Create(2);
        Vector256<int> secondTap = (lanes + channelCount) & Vector256.Create(7);
        ReadOnlySpan<int> starts = table.Starts;
        ReadOnlySpan<int> lengths = table.Lengths;
        ReadOnlySpan<int> allWeights = table.FixedWeights;
        ref byte upperRow = ref MemoryMarshal.GetReference(upper);
        ref byte lowerRow = ref MemoryMarshal.GetReference(lower);
        int readable = Math.Min(upper.Length, lower.Length);
        int first = table.SourceFirst;
        int stride = table.Stride;
        for (int i = 0; i < starts.Length; i++)
        {
            int start = (starts[i] - first) * channels;
            int length = lengths[i];
            // The last pair starts at tap 2 * ((length - 1) / 2) and loads 8 bytes.
            if (start + (((length - 1) & ~1) * channels) + 8 > readable)
            {
                FixedPointHorizontalPass.ScalarPixel(upper, upperTarget, table, i, channels);
                FixedPointHorizontalPass.ScalarPixel(lower, lowerTarget, table, i, channels);
                continue;
            }

            ref byte a = ref Unsafe.Add(ref upperRow, start);
            ref byte b = ref Unsafe.Add(ref lowerRow, start);
            ref int weights = ref MemoryMarshal.GetReference(allWeights.Slice(i * stride, stride));
            // Two accumulators per row, so that one pair's addition does not wait for the previous pair's.
            Vector256<int> evenA = Vector256<int>.Zero, oddA = evenA, evenB = evenA, oddB = evenA;
            int t = 0;
            int offset = 0;
            for (; t < length - 2; t += 4, offset += 4 * channels)
            {
                // Four weights loaded once; a lane permutation spreads each pair's two, used for both rows.
                Vector256<int> four = Vector128.LoadUnsafe(ref weights, (nuint)t).ToVector256Unsafe();
                Vector256<int> evenWeights = Vector256.ShuffleNative(four, weightOfLane);
                Vector256<int> oddWeights = Vector256.ShuffleNative(four, nextPair);
                evenA += Load8(ref Unsafe.Add(ref a, offset)) * evenWeights;
                oddA += Load8(ref Unsafe.Add(ref a, offset + (2 * channels))) * oddWeights;
                evenB += Load8(ref Unsafe.Add(ref b, offset)) * evenWeights;
                oddB += Load8(ref Unsafe.Add(ref b, offset + (2 * channels))) * oddWeights;
            }

            if (t < length)
            {
                // An odd tap count pairs its last tap with the zero padding of the weight list.
                long both = Unsafe.ReadUnaligned<long>(ref Unsafe.As<int, byte>(ref Unsafe.Add(ref weights, t)));
                Vector256<int> pair = Vector256.ShuffleNative(
                    Vector128.CreateScalarUnsafe(both).AsInt32().ToVector256Unsafe(),
                    weightOfLane);
                evenA += Load8(ref Unsafe.Add(ref a, offset)) * pair;
                evenB += Load8(ref Unsafe.Add(ref b, offset)) * pair;
            }

            FixedPointHorizontalPass.StorePixel(upperTarget, i * channels, channels, Fold(evenA + oddA, secondTap));
            FixedPointHorizontalPass.StorePixel(lowerTarget, i * channels, channels, Fold(evenB + oddB, secondTap));
        }
    }

    // Adding lanes c..2c-1 onto lanes 0..c-1 leaves each channel's total in its own lane.
    private static Vector128<int> Fold(Vector256<int> sum, Vector256<int> secondTap) =>
        (sum + Vector256.ShuffleNative(sum, secondTap)).GetLower();

    // Eight consecutive bytes widened to eight int lanes: one vpmovzxbd with AVX2, two widening steps elsewhere.
    internal static Vector256<int> Load8(ref byte at)
    {
        Vector128<byte> bytes = Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref at)).AsByte();
        return Avx2.IsSupported
            ? Avx2.ConvertToVector256Int32(bytes)
            : Vector256.WidenLower(Vector128.WidenLower(bytes).ToVector256Unsafe()).AsInt32();
    }
}
