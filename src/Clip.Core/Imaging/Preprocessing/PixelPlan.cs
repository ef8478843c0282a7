namespace Clip.Core.Imaging.Preprocessing;

/// <summary>How one image goes through the resize: the working layout and the per-row transform.</summary>
internal readonly record struct PixelPlan(WorkingFormat Format, RowTransform Transform)
{
    /// <summary>Bytes per pixel of the working layout.</summary>
    public int BytesPerPixel => Format switch
    {
        WorkingFormat.Gray => 1,
        WorkingFormat.GrayAlpha or WorkingFormat.GrayAlphaPremultiplied or WorkingFormat.Gray16 => 2,
        WorkingFormat.Rgb => 3,
        _ => 4,
    };

    public static PixelPlan For(PixelLayout layout, AlphaHandling alpha, bool resizes, bool nearest)
    {
        // The reference premultiplies only when it actually runs the bicubic filter; nearest and no-op resizes
        // leave the colour under transparent pixels as it is.
        bool premultiply = resizes && !nearest;
        return (layout, alpha) switch
        {
            (PixelLayout.Gray8, _) => new(WorkingFormat.Gray, RowTransform.None),
            (PixelLayout.Rgb8, _) => new(WorkingFormat.Rgb, RowTransform.None),
            (PixelLayout.Cmyk8, _) => new(WorkingFormat.Cmyk, RowTransform.None),
            (PixelLayout.Gray16, _) => new(WorkingFormat.Gray16, RowTransform.None),
            (PixelLayout.Rgba8 or PixelLayout.GrayAlpha8, AlphaHandling.CompositeOnBackground) =>
                new(WorkingFormat.Rgb, RowTransform.Composite),
            (PixelLayout.Rgba8, _) => premultiply
                ? new(WorkingFormat.RgbaPremultiplied, RowTransform.Premultiply)
                : new(WorkingFormat.Rgba, RowTransform.None),
            (PixelLayout.GrayAlpha8, _) => premultiply
                ? new(WorkingFormat.GrayAlphaPremultiplied, RowTransform.Premultiply)
                : new(WorkingFormat.GrayAlpha, RowTransform.None),
            _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "Unknown pixel layout."),
        };
    }
}
