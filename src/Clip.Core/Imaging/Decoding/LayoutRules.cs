namespace Clip.Core.Imaging.Decoding;

/// <summary>Which decoded layout stands for each source mode, following how the reference resizes that mode.</summary>
internal static class LayoutRules
{
    /// <summary>
    /// The layout and the nearest-neighbour flag for a header. Palette images become RGB (the reference's conversion
    /// ignores palette transparency) and keep nearest-neighbour resizing, as does 1-bit. CMYK TIFF stays CMYK; CMYK
    /// and YCCK JPEG become RGB because neither library hands out their raw CMYK samples (the reference resizes in
    /// CMYK and converts afterwards, so such JPEGs differ from it by rounding).
    /// </summary>
    // Limitation: CMYK and YCCK JPEG arrive as RGB, so their resized pixels differ from the reference by rounding.
    public static (PixelLayout Layout, bool NearestResample) For(ImageHeader header) => header.Mode switch
    {
        SourceMode.Cmyk when header.Format == EncodedFormat.Tiff => (PixelLayout.Cmyk8, false),
        SourceMode.Bilevel => (PixelLayout.Gray8, true),
        SourceMode.Gray => (PixelLayout.Gray8, false),
        SourceMode.Gray16 => (PixelLayout.Gray16, false),
        SourceMode.GrayAlpha => (PixelLayout.GrayAlpha8, false),
        SourceMode.Rgba => (PixelLayout.Rgba8, false),
        SourceMode.Palette => (PixelLayout.Rgb8, true),
        _ => (PixelLayout.Rgb8, false),
    };
}
