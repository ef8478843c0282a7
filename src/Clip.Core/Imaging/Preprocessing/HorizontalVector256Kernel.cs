using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Clip.Core.Imaging.Preprocessing;

/// <summary>
/// The horizontal pass with 8-lane integer vectors: two taps of a 3- or 4-channel pixel, or eight taps of a
/// one-channel pixel, per multiply. A pixel whose loads would run past the row, or a two-channel row, takes the
/// scalar loop. Without 256-bit hardware the same code runs emulated: correct, only slow.
/// </summary>
internal static class HorizontalVector256Kernel
{
    /// <summary>Same contract as <see cref="FixedPointHorizontalPass.Run"/>.</summary>
    public static void Run(ReadOnlySpan<byte> source, Span<byte> target, AxisCoefficients table, int channels)
    {
        switch (channels)
        {
            case 3 or 4:
                TapPairs(source, target, table, channels);
                break;
            case 1:
                TapOctets(source, target, table);
                break;
            default:
                FixedPointHorizontalPass.RunScalar(source, target, table, channels);
                break;
        }
    }

    private static void TapPairs(ReadOnlySpan<byte> source, Span<byte> target, AxisCoefficients table, int channels)
    {
        // Lanes 0..c-1 hold one tap's channels and lanes c..2c-1 the next tap's; with 3 channels lanes 6 and 7 read
        // a third tap and are never summed.
        Vector256<int> lanes = Vector256<int>.Indices;
        Vector256<int> channelCount = Vector256.Create(channels);
        Vector256<int> weightOfLane = Vector256.GreaterThanOrEqual(lanes, channelCount) & Vector256<int>.One;
        Vector256<int> secondTap = (lanes + channelCount) & Vector256.Create(7);
        Vector256<int> nextPair = weightOfLane + Vector256.Create(2);
        ReadOnlySpan<int> starts = table.Starts;
        ReadOnlySpan<int> lengths = table.Lengths;
        ReadOnlySpan<int> allWeights = table.FixedWeights;
        ref byte row = ref MemoryMarshal.GetReference(source);
        int first = table.SourceFirst;
        int stride = table.Stride;
        for (int i = 0; i < starts.Length; i++)
        {
            int start = (starts[i] - first) * channels;
            int length = lengths[i];
            // The last pair starts at tap 2 * ((length - 1) / 2) and loads 8 bytes.
            if (start + (((length - 1) & ~1) * channels) + 8 > source.Length)
            {
                FixedPointHorizontalPass.ScalarPixel(source, target, table, i, channels);
                continue;
            }

            ref byte pixels = ref Unsafe.Add(ref row, start);
            ref int weights = ref MemoryMarshal.GetReference(allWeights.Slice(i * stride, stride));
            Vector256<int> even = Vector256<int>.Zero;
            Vector256<int> odd = Vector256<int>.Zero;
            int t = 0;
            int offset = 0;
            for (; t < length - 2; t += 4, offset += 4 * channels)
            {
                // Two accumulators, so that one pair's addition does not wait for the previous pair's.
                // Four weights loaded once; a lane permutation spreads each pair's two over their lanes.
                Vector256<int> four = Vector128.LoadUnsafe(ref weights, (nuint)t).ToVector256Unsafe();
                even += Load8(ref Unsafe.Add(ref pixels, offset)) * Vector256.ShuffleNative(four, weightOfLane);
                odd += Load8(ref Unsafe.Add(ref pixels, offset + (2 * channels)))
                    * Vector256.ShuffleNative(four, nextPair);
            }

            if (t < length)
            {
                even += Pair(ref Unsafe.Add(ref pixels, offset), ref Unsafe.Add(ref weights, t), weightOfLane);
            }

            // Adding lanes c..2c-1 onto lanes 0..c-1 leaves each channel's total in its own lane.
            Vector256<int> sum = even + odd;
            sum += Vector256.ShuffleNative(sum, secondTap);
            FixedPointHorizontalPass.StorePixel(target, i * channels, channels, sum.GetLower());
        }
    }

    // Two taps; an odd tap count pairs its last tap with the zero padding of the weight list.
    private static Vector256<int> Pair(ref byte pixels, ref int weights, Vector256<int> weightOfLane)
    {
        long both = Unsafe.ReadUnaligned<long>(ref Unsafe.As<int, byte>(ref weights));
        Vector256<int> spread = Vector256.ShuffleNative(
            Vector128.CreateScalarUnsafe(both).AsInt32().ToVector256Unsafe(),
            weightOfLane);
        return Load8(ref pixels) * spread;
    }

    private static void TapOctets(ReadOnlySpan<byte> source, Span<byte> target, AxisCoefficients table)
    {
        ref byte row = ref MemoryMarshal.GetReference(source);
        for (int i = 0; i < table.Count; i++)
        {
            int start = table.Starts[i] - table.SourceFirst;
            int rounded = (table.Lengths[i] + 3) & ~3;
            if (start + rounded > source.Length)
            {
                FixedPointHorizontalPass.ScalarPixel(source, target, table, i, 1);
                continue;
            }

            // The weight list is zero-padded to a multiple of four only, so a last group of four taps is narrower.
            ref byte pixels = ref Unsafe.Add(ref row, start);
            ref int weights = ref table.FixedWeights[i * table.Stride];
            Vector256<int> wide = Vector256<int>.Zero;
            int t = 0;
            for (; t + 8 <= rounded; t += 8)
            {
                wide += Load8(ref Unsafe.Add(ref pixels, t)) * Vector256.LoadUnsafe(ref weights, (nuint)t);
            }

            Vector128<int> sum = wide.GetLower() + wide.GetUpper();
            if (t < rounded)
            {
                sum += FixedPointHorizontalPass.Load4(ref Unsafe.Add(ref pixels, t))
                    * Vector128.LoadUnsafe(ref weights, (nuint)t);
            }

            target[i] = FixedPointHorizontalPass.Clip8(Vector128.Sum(sum) + FixedPointHorizontalPass.Half);
        }
    }

    // Eight consecutive bytes widened to eight int lanes: one vpmovzxbd with AVX2, two widening steps elsewhere.
    private static Vector256<int> Load8(ref byte at)
    {
        Vector128<byte> bytes = Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref at)).AsByte();
        return Avx2.IsSupported
            ? Avx2.ConvertToVector256Int32(bytes)
            : Vector256.WidenLower(Vector128.WidenLower(bytes).ToVector256Unsafe()).AsInt32();
    }
}
