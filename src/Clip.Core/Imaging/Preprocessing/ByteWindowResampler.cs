using System.Buffers;

namespace Clip.Core.Imaging.Preprocessing;

/// <summary>
/// Resizes an 8-bit image and crops it in one go, computing only the output pixels inside the crop and reading
/// only the input rows and columns those pixels depend on.
/// </summary>
internal static class ByteWindowResampler
{
    /// <summary>Writes the crop, in the plan's working layout, row-major, to <paramref name="window"/>.</summary>
    public static void Run(
        DecodedImage image, PixelPlan plan, ResizeGeometry geometry, RgbColor background, Span<byte> window)
    {
        var rows = new SourceRows(image, plan.Transform, background);
        if (image.NearestResample && geometry.Resizes)
        {
            Nearest(rows, plan, geometry, window);
        }
        else
        {
            Bicubic(rows, plan, geometry, window);
        }
    }

    private static void Bicubic(SourceRows rows, PixelPlan plan, ResizeGeometry g, Span<byte> window)
    {
        // The reference skips a pass whose axis keeps its size; a skipped pass is a plain crop on that axis.
        AxisCoefficients? columns = g.ResizedWidth == g.SourceWidth
            ? null
            : CoefficientCache.Get(g.SourceWidth, g.ResizedWidth, g.CropLeft, g.CropWidth);
        AxisCoefficients? lines = g.ResizedHeight == g.SourceHeight
            ? null
            : CoefficientCache.Get(g.SourceHeight, g.ResizedHeight, g.CropTop, g.CropHeight);
        int columnFirst = columns?.SourceFirst ?? g.CropLeft;
        int columnEnd = columns?.SourceEnd ?? g.CropLeft + g.CropWidth;
        int rowFirst = lines?.SourceFirst ?? g.CropTop;
        int rowEnd = lines?.SourceEnd ?? g.CropTop + g.CropHeight;

        int bytesPerPixel = plan.BytesPerPixel;
        int rowLength = g.CropWidth * bytesPerPixel;
        byte[]? upperScratch = RentScratch(plan, columnEnd - columnFirst);
        byte[]? lowerScratch = RentScratch(plan, columnEnd - columnFirst);
        byte[]? stage = lines is null ? null : ArrayPool<byte>.Shared.Rent((rowEnd - rowFirst) * rowLength);
        try
        {
            // The horizontal pass runs first, as in the reference: its clipping changes what the vertical pass sees.
            Span<byte> horizontal = stage is null ? window : stage.AsSpan(0, (rowEnd - rowFirst) * rowLength);
            for (int y = rowFirst; y < rowEnd; y += 2)
            {
                // Rows go to the pass in pairs; an odd last row is paired with itself.
                int next = Math.Min(y + 1, rowEnd - 1);
                ReadOnlySpan<byte> upper = rows.Read(y, columnFirst, columnEnd, upperScratch);
                ReadOnlySpan<byte> lower = rows.Read(next, columnFirst, columnEnd, lowerScratch);
                Span<byte> upperTarget = horizontal.Slice((y - rowFirst) * rowLength, rowLength);
                Span<byte> lowerTarget = horizontal.Slice((next - rowFirst) * rowLength, rowLength);
                if (columns is null)
                {
                    upper[..rowLength].CopyTo(upperTarget);
                    lower[..rowLength].CopyTo(lowerTarget);
                }
                else
                {
                    FixedPointHorizontalPass.Run(upper, lower, upperTarget, lowerTarget, columns, bytesPerPixel);
                }
            }

            if (lines is not null)
            {
                FixedPointVerticalPass.Run(horizontal, window, rowLength, lines);
            }
        }
        finally
        {
            Return(upperScratch);
            Return(lowerScratch);
            Return(stage);
        }
    }

    private static void Nearest(SourceRows rows, PixelPlan plan, ResizeGeometry g, Span<byte> window)
    {
        int bytesPerPixel = plan.BytesPerPixel;
        int[] xs = ArrayPool<int>.Shared.Rent(g.CropWidth);
        int[] ys = ArrayPool<int>.Shared.Rent(g.CropHeight);
        byte[]? scratch = null;
        try
        {
            NearestIndices.Compute(g.SourceWidth, g.ResizedWidth, g.CropLeft, xs.AsSpan(0, g.CropWidth));
            NearestIndices.Compute(g.SourceHeight, g.ResizedHeight, g.CropTop, ys.AsSpan(0, g.CropHeight));
            int first = xs[0];
            int end = xs[g.CropWidth - 1] + 1;
            scratch = RentScratch(plan, end - first);
            for (int r = 0; r < g.CropHeight; r++)
            {
                ReadOnlySpan<byte> source = rows.Read(ys[r], first, end, scratch);
                Span<byte> target = window.Slice(r * g.CropWidth * bytesPerPixel, g.CropWidth * bytesPerPixel);
                for (int i = 0; i < g.CropWidth; i++)
                {
                    source.Slice((xs[i] - first) * bytesPerPixel, bytesPerPixel).CopyTo(target[(i * bytesPerPixel)..]);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(xs);
            ArrayPool<int>.Shared.Return(ys);
            Return(scratch);
        }
    }

    // Transformed rows need room for the working pixels plus 4 bytes that vector loads may touch.
    private static byte[]? RentScratch(PixelPlan plan, int columns) => plan.Transform == RowTransform.None
        ? null
        : ArrayPool<byte>.Shared.Rent((columns * plan.BytesPerPixel) + 4);

    private static void Return(byte[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
