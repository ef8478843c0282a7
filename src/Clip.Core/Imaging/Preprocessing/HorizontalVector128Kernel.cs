using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Clip.Core.Imaging.Preprocessing;

/// <summary>
/// The horizontal pass with 4-lane integer vectors, for processors without 256-bit ones: one tap of a 3- or
/// 4-channel pixel per multiply. A pixel whose loads would run past the row, or a two-channel row, takes the scalar
/// loop.
/// </summary>
internal static class HorizontalVector128Kernel
{
    /// <summary>One row of <see cref="FixedPointHorizontalPass.Run"/>.</summary>
    public static void Run(ReadOnlySpan<byte> source, Span<byte> target, AxisCoefficients table, int channels)
    {
        switch (channels)
        {
            case 3 or 4:
                PixelLanes(source, target, table, channels);
                break;
            case 1:
                OneChannelHorizontalKernel.RunVector128(source, target, table);
                break;
            default:
                FixedPointHorizontalPass.RunScalar(source, target, table, channels);
                break;
        }
    }

    private static void PixelLanes(ReadOnlySpan<byte> source, Span<byte> target, AxisCoefficients table, int channels)
    {
        for (int i = 0; i < table.Count; i++)
        {
            if (!TryPixelLanes(source, target, table, i, channels))
            {
                FixedPointHorizontalPass.ScalarPixel(source, target, table, i, channels);
            }
        }
    }

    // A pixel's channels fill one vector; with 3 channels the spare lane's sum is discarded.
    private static bool TryPixelLanes(
        ReadOnlySpan<byte> source, Span<byte> target, AxisCoefficients table, int i, int channels)
    {
        int start = (table.Starts[i] - table.SourceFirst) * channels;
        int length = table.Lengths[i];
        if (start + ((length - 1) * channels) + 4 > source.Length)
        {
            return false;
        }

        ref byte pixels = ref Unsafe.Add(ref MemoryMarshal.GetReference(source), start);
        ref int weights = ref table.FixedWeights[i * table.Stride];
        Vector128<int> even = Vector128<int>.Zero;
        Vector128<int> odd = Vector128<int>.Zero;
        int t = 0;
        for (; t + 2 <= length; t += 2)
        {
            // Two accumulators, so that one tap's addition does not wait for the previous tap's.
            even += Tap(ref pixels, ref weights, t, channels);
            odd += Tap(ref pixels, ref weights, t + 1, channels);
        }

        if (t < length)
        {
            even += Tap(ref pixels, ref weights, t, channels);
        }

        FixedPointHorizontalPass.StorePixel(target, i * channels, channels, even + odd);
        return true;
    }

    private static Vector128<int> Tap(ref byte pixels, ref int weights, int t, int channels) =>
        FixedPointHorizontalPass.Load4(ref Unsafe.Add(ref pixels, t * channels)) * Unsafe.Add(ref weights, t);
}
