namespace Clip.Core.Imaging.Preprocessing;

/// <summary>
/// Reads rows of a decoded image in the working layout of a <see cref="PixelPlan"/>, transforming only the columns
/// the resize will read.
/// </summary>
internal readonly ref struct SourceRows
{
    private readonly ReadOnlySpan<byte> _pixels;
    private readonly int _stride;
    private readonly int _bytesPerPixel;
    private readonly bool _hasGrayAlpha;
    private readonly RowTransform _transform;
    private readonly RgbColor _background;

    public SourceRows(DecodedImage image, RowTransform transform, RgbColor background)
    {
        _pixels = image.Pixels;
        _stride = image.Stride;
        _bytesPerPixel = DecodedImage.BytesPerPixel(image.Layout);
        _hasGrayAlpha = image.Layout == PixelLayout.GrayAlpha8;
        _transform = transform;
        _background = background;
    }

    /// <summary>
    /// The pixels of row <paramref name="y"/> from column <paramref name="first"/> on. An untransformed row runs on
    /// to the end of the image, so a reader may load a few bytes past <paramref name="end"/>; a transformed row is
    /// written to <paramref name="scratch"/>, which needs (end - first) working pixels.
    /// </summary>
    public ReadOnlySpan<byte> Read(int y, int first, int end, Span<byte> scratch)
    {
        ReadOnlySpan<byte> row = _pixels.Slice((y * _stride) + (first * _bytesPerPixel));
        int count = end - first;
        switch (_transform)
        {
            case RowTransform.Premultiply when _hasGrayAlpha:
                PremultiplyGrayAlpha(row, scratch, count);
                return scratch;
            case RowTransform.Premultiply:
                PremultiplyRgba(row, scratch, count);
                return scratch;
            case RowTransform.Composite when _hasGrayAlpha:
                CompositeGrayAlpha(row, scratch, count);
                return scratch;
            case RowTransform.Composite:
                CompositeRgba(row, scratch, count);
                return scratch;
            default:
                return row;
        }
    }

    private static void PremultiplyRgba(ReadOnlySpan<byte> source, Span<byte> target, int count)
    {
        for (int i = 0, o = 0; i < count; i++, o += 4)
        {
            byte alpha = source[o + 3];
            target[o] = (byte)AlphaArithmetic.MulDiv255(source[o], alpha);
            target[o + 1] = (byte)AlphaArithmetic.MulDiv255(source[o + 1], alpha);
            target[o + 2] = (byte)AlphaArithmetic.MulDiv255(source[o + 2], alpha);
            target[o + 3] = alpha;
        }
    }

    private static void PremultiplyGrayAlpha(ReadOnlySpan<byte> source, Span<byte> target, int count)
    {
        for (int i = 0, o = 0; i < count; i++, o += 2)
        {
            byte alpha = source[o + 1];
            target[o] = (byte)AlphaArithmetic.MulDiv255(source[o], alpha);
            target[o + 1] = alpha;
        }
    }

    private void CompositeRgba(ReadOnlySpan<byte> source, Span<byte> target, int count)
    {
        RgbColor bg = _background;
        for (int i = 0; i < count; i++)
        {
            byte alpha = source[(i * 4) + 3];
            target[i * 3] = AlphaArithmetic.Composite(source[i * 4], alpha, bg.Red);
            target[(i * 3) + 1] = AlphaArithmetic.Composite(source[(i * 4) + 1], alpha, bg.Green);
            target[(i * 3) + 2] = AlphaArithmetic.Composite(source[(i * 4) + 2], alpha, bg.Blue);
        }
    }

    private void CompositeGrayAlpha(ReadOnlySpan<byte> source, Span<byte> target, int count)
    {
        RgbColor bg = _background;
        for (int i = 0; i < count; i++)
        {
            byte gray = source[i * 2];
            byte alpha = source[(i * 2) + 1];
            target[i * 3] = AlphaArithmetic.Composite(gray, alpha, bg.Red);
            target[(i * 3) + 1] = AlphaArithmetic.Composite(gray, alpha, bg.Green);
            target[(i * 3) + 2] = AlphaArithmetic.Composite(gray, alpha, bg.Blue);
        }
    }
}
