using Clip.Core.Imaging;

namespace Clip.Core.Tests.Imaging.Decoding;

/// <summary>
/// The layout each reference (Pillow) mode must decode to, written out from the reference's documented behaviour:
/// resizing happens in the image's own mode, and palette and 1-bit images are resized with nearest neighbour.
/// </summary>
internal static class ReferenceModes
{
    public static (PixelLayout Layout, bool Nearest) LayoutOf(string mode, string format) => mode switch
    {
        "1" => (PixelLayout.Gray8, true),
        "L" => (PixelLayout.Gray8, false),
        "LA" => (PixelLayout.GrayAlpha8, false),
        "I" or "I;16" => (PixelLayout.Gray16, false),
        "RGB" => (PixelLayout.Rgb8, false),
        "RGBA" => (PixelLayout.Rgba8, false),
        "P" => (PixelLayout.Rgb8, true),
        "CMYK" when format == "TIFF" => (PixelLayout.Cmyk8, false),
        "CMYK" => (PixelLayout.Rgb8, false),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "No layout for this mode."),
    };
}
