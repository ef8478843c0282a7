namespace Clip.Core.Imaging.Decoding;

/// <summary>Which decoded layout stands for each source mode, following how the reference resizes that mode.</summary>
internal static class LayoutRules
{
    /// <summary>
    /// The layout and the nearest-neighbour flag for a mode. Palette images become RGB (the reference's conversion
    /// ignores palette transparency) and keep nearest-neighbour resizing, as does 1-bit. CMYK becomes RGB because
    /// neither library hands out raw CMYK samples; the reference resizes in CMYK and converts afterwards.
    /// </summary>
    public static (PixelLayout Layout, bool NearestResample) For(SourceMode mode) => mode switch
    {
        SourceMode.Bilevel => (PixelLayout.Gray8, true),
        SourceMode.Gray => (PixelLayout.Gray8, false),
        SourceMode.Gray16 => (PixelLayout.Gray16, false),
        SourceMode.GrayAlpha => (PixelLayout.GrayAlpha8, false),
        SourceMode.Rgba => (PixelLayout.Rgba8, false),
        SourceMode.Palette => (PixelLayout.Rgb8, true),
        _ => (PixelLayout.Rgb8, false),
    };
}
