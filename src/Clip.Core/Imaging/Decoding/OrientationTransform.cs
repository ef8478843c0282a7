namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// Moves pixels to undo an EXIF orientation. Each source row maps to a straight line of destination pixels, so a
/// row is copied with one start offset and one constant step instead of per-pixel coordinate arithmetic.
/// </summary>
internal static class OrientationTransform
{
    public static DecodedImage Transform(DecodedImage source, int orientation)
    {
        int width = source.Width;
        int height = source.Height;
        bool swapsSides = orientation >= 5;
        DecodedImage result = DecodedImage.Allocate(
            swapsSides ? height : width, swapsSides ? width : height, source.Layout, source.NearestResample)
            .WithFullSize(
                swapsSides ? source.FullHeight : source.FullWidth,
                swapsSides ? source.FullWidth : source.FullHeight);
        int pixelSize = DecodedImage.BytesPerPixel(source.Layout);
        ReadOnlySpan<byte> pixels = source.Pixels;
        Span<byte> target = result.Pixels;

        for (int y = 0; y < height; y++)
        {
            (int startX, int startY, int stepX, int stepY) = RowPath(orientation, width, height, y);
            int offset = ((startY * result.Width) + startX) * pixelSize;
            int step = ((stepY * result.Width) + stepX) * pixelSize;
            CopyRow(pixels.Slice(y * source.Stride, source.Stride), target, offset, step, pixelSize);
        }

        return result;
    }

    // Where source pixel (0, y) lands, and how the landing point moves for each step along the source row.
    private static (int StartX, int StartY, int StepX, int StepY) RowPath(int orientation, int w, int h, int y) =>
        orientation switch
        {
            2 => (w - 1, y, -1, 0),
            3 => (w - 1, h - 1 - y, -1, 0),
            4 => (0, h - 1 - y, 1, 0),
            5 => (y, 0, 0, 1),
            6 => (h - 1 - y, 0, 0, 1),
            7 => (h - 1 - y, w - 1, 0, -1),
            8 => (y, w - 1, 0, -1),
            _ => (0, y, 1, 0),
        };

    private static void CopyRow(ReadOnlySpan<byte> row, Span<byte> target, int offset, int step, int pixelSize)
    {
        if (pixelSize == 1)
        {
            foreach (byte value in row)
            {
                target[offset] = value;
                offset += step;
            }

            return;
        }

        for (int x = 0; x < row.Length; x += pixelSize)
        {
            row.Slice(x, pixelSize).CopyTo(target.Slice(offset, pixelSize));
            offset += step;
        }
    }
}
