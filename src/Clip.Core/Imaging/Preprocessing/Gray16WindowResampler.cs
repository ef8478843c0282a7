using System.Buffers;
using System.Runtime.InteropServices;

namespace Clip.Core.Imaging.Preprocessing;

/// <summary>
/// Resizes and crops a 16-bit grey image the way the reference treats it: as 32-bit integers, with
/// double-precision passes and no clipping between them. Only the crop is computed.
/// </summary>
internal static class Gray16WindowResampler
{
    /// <summary>Writes the crop as integers, row-major, to <paramref name="window"/>.</summary>
    public static void Run(DecodedImage image, ResizeGeometry g, Span<int> window)
    {
        ReadOnlySpan<ushort> pixels = MemoryMarshal.Cast<byte, ushort>(image.Pixels);
        if (image.NearestResample && g.Resizes)
        {
            Nearest(pixels, g, window);
            return;
        }

        AxisCoefficients? columns = g.ResizedWidth == g.SourceWidth
            ? null
            : CoefficientCache.Get(g.SourceWidth, g.ResizedWidth, g.CropLeft, g.CropWidth);
        AxisCoefficients? lines = g.ResizedHeight == g.SourceHeight
            ? null
            : CoefficientCache.Get(g.SourceHeight, g.ResizedHeight, g.CropTop, g.CropHeight);
        int columnFirst = columns?.SourceFirst ?? g.CropLeft;
        int columnCount = (columns?.SourceEnd ?? g.CropLeft + g.CropWidth) - columnFirst;
        int rowFirst = lines?.SourceFirst ?? g.CropTop;
        int rowCount = (lines?.SourceEnd ?? g.CropTop + g.CropHeight) - rowFirst;

        int[] row = ArrayPool<int>.Shared.Rent(columnCount);
        int[]? stage = lines is null ? null : ArrayPool<int>.Shared.Rent(rowCount * g.CropWidth);
        try
        {
            Span<int> horizontal = stage is null ? window : stage.AsSpan(0, rowCount * g.CropWidth);
            for (int y = 0; y < rowCount; y++)
            {
                Span<int> samples = row.AsSpan(0, columnCount);
                Widen(pixels.Slice(((rowFirst + y) * g.SourceWidth) + columnFirst, columnCount), samples);
                Span<int> target = horizontal.Slice(y * g.CropWidth, g.CropWidth);
                if (columns is null)
                {
                    samples.CopyTo(target);
                }
                else
                {
                    Int32ResamplePasses.Horizontal(samples, target, columns);
                }
            }

            if (lines is not null)
            {
                Int32ResamplePasses.Vertical(horizontal, window, g.CropWidth, lines);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(row);
            if (stage is not null)
            {
                ArrayPool<int>.Shared.Return(stage);
            }
        }
    }

    private static void Nearest(ReadOnlySpan<ushort> pixels, ResizeGeometry g, Span<int> window)
    {
        int[] xs = ArrayPool<int>.Shared.Rent(g.CropWidth);
        int[] ys = ArrayPool<int>.Shared.Rent(g.CropHeight);
        try
        {
            NearestIndices.Compute(g.SourceWidth, g.ResizedWidth, g.CropLeft, xs.AsSpan(0, g.CropWidth));
            NearestIndices.Compute(g.SourceHeight, g.ResizedHeight, g.CropTop, ys.AsSpan(0, g.CropHeight));
            for (int r = 0; r < g.CropHeight; r++)
            {
                ReadOnlySpan<ushort> source = pixels.Slice(ys[r] * g.SourceWidth, g.SourceWidth);
                for (int i = 0; i < g.CropWidth; i++)
                {
                    window[(r * g.CropWidth) + i] = source[xs[i]];
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(xs);
            ArrayPool<int>.Shared.Return(ys);
        }
    }

    private static void Widen(ReadOnlySpan<ushort> source, Span<int> target)
    {
        for (int i = 0; i < source.Length; i++)
        {
            target[i] = source[i];
        }
    }
}
