using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Clip.Core.Imaging.Preprocessing;

/// <summary>
/// ToTensor and Normalize of the reference, in float32 and in its order of operations:
/// <c>(value / 255 - mean) / std</c>, from interleaved RGB bytes to channel-first planes.
/// </summary>
internal static class TensorNormalizer
{
    public static void Run(ReadOnlySpan<byte> rgb, ChannelTriple mean, ChannelTriple std, Span<float> destination)
    {
        int pixels = rgb.Length / 3;
        byte[] plane = ArrayPool<byte>.Shared.Rent(pixels);
        try
        {
            for (int c = 0; c < 3; c++)
            {
                for (int i = 0; i < pixels; i++)
                {
                    plane[i] = rgb[(i * 3) + c];
                }

                NormalizePlane(plane.AsSpan(0, pixels), mean[c], std[c], destination.Slice(c * pixels, pixels));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plane);
        }
    }

    private static void NormalizePlane(ReadOnlySpan<byte> plane, float mean, float std, Span<float> target)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // Division (not multiplication by a reciprocal) keeps every lane bit-identical to the scalar formula.
            ref byte input = ref MemoryMarshal.GetReference(plane);
            ref float output = ref MemoryMarshal.GetReference(target);
            var scale = new Vector<float>(255f);
            var means = new Vector<float>(mean);
            var stds = new Vector<float>(std);
            int step = Vector<byte>.Count;
            int lanes = Vector<float>.Count;
            for (; i + step <= plane.Length; i += step)
            {
                Vector.Widen(Vector.LoadUnsafe(ref input, (nuint)i), out Vector<ushort> low, out Vector<ushort> high);
                Vector.Widen(low, out Vector<uint> w0, out Vector<uint> w1);
                Vector.Widen(high, out Vector<uint> w2, out Vector<uint> w3);
                ((Vector.ConvertToSingle(w0) / scale - means) / stds).StoreUnsafe(ref output, (nuint)i);
                ((Vector.ConvertToSingle(w1) / scale - means) / stds).StoreUnsafe(ref output, (nuint)(i + lanes));
                ((Vector.ConvertToSingle(w2) / scale - means) / stds).StoreUnsafe(ref output, (nuint)(i + (2 * lanes)));
                ((Vector.ConvertToSingle(w3) / scale - means) / stds).StoreUnsafe(ref output, (nuint)(i + (3 * lanes)));
            }
        }

        for (; i < plane.Length; i++)
        {
            target[i] = ((plane[i] / 255f) - mean) / std;
        }
    }
}
