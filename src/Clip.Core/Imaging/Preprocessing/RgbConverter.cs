namespace Clip.Core.Imaging.Preprocessing;

/// <summary>
/// Turns a cropped working image into interleaved 8-bit RGB with the reference's <c>convert("RGB")</c> rules:
/// grey is copied to all channels, alpha is dropped (after undoing premultiplication), CMYK uses the plain
/// formula without a colour profile, and 32-bit grey is clamped to 0..255 without scaling.
/// </summary>
internal static class RgbConverter
{
    public static void Convert(WorkingFormat format, ReadOnlySpan<byte> window, Span<byte> rgb)
    {
        int pixels = rgb.Length / 3;
        switch (format)
        {
            case WorkingFormat.Rgb:
                window[..rgb.Length].CopyTo(rgb);
                break;
            case WorkingFormat.Gray:
                Expand(window, rgb, pixels, 1);
                break;
            case WorkingFormat.GrayAlpha:
                Expand(window, rgb, pixels, 2);
                break;
            case WorkingFormat.GrayAlphaPremultiplied:
                for (int i = 0; i < pixels; i++)
                {
                    byte gray = AlphaArithmetic.Unpremultiply(window[i * 2], window[(i * 2) + 1]);
                    rgb[i * 3] = rgb[(i * 3) + 1] = rgb[(i * 3) + 2] = gray;
                }

                break;
            case WorkingFormat.Rgba:
            case WorkingFormat.RgbaPremultiplied:
                DropAlpha(window, rgb, pixels, format == WorkingFormat.RgbaPremultiplied);
                break;
            case WorkingFormat.Cmyk:
                FromCmyk(window, rgb, pixels);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Not an 8-bit working format.");
        }
    }

    /// <summary>32-bit grey to RGB: clamped, not scaled, so 16-bit samples of 255 and more are white.</summary>
    public static void ConvertClamped(ReadOnlySpan<int> window, Span<byte> rgb)
    {
        for (int i = 0; i < rgb.Length / 3; i++)
        {
            byte gray = (byte)Math.Clamp(window[i], 0, 255);
            rgb[i * 3] = rgb[(i * 3) + 1] = rgb[(i * 3) + 2] = gray;
        }
    }

    private static void Expand(ReadOnlySpan<byte> window, Span<byte> rgb, int pixels, int bytesPerPixel)
    {
        for (int i = 0; i < pixels; i++)
        {
            byte gray = window[i * bytesPerPixel];
            rgb[i * 3] = rgb[(i * 3) + 1] = rgb[(i * 3) + 2] = gray;
        }
    }

    private static void DropAlpha(ReadOnlySpan<byte> window, Span<byte> rgb, int pixels, bool premultiplied)
    {
        for (int i = 0; i < pixels; i++)
        {
            byte alpha = premultiplied ? window[(i * 4) + 3] : (byte)255;
            for (int c = 0; c < 3; c++)
            {
                rgb[(i * 3) + c] = AlphaArithmetic.Unpremultiply(window[(i * 4) + c], alpha);
            }
        }
    }

    private static void FromCmyk(ReadOnlySpan<byte> window, Span<byte> rgb, int pixels)
    {
        for (int i = 0; i < pixels; i++)
        {
            int notBlack = 255 - window[(i * 4) + 3];
            for (int c = 0; c < 3; c++)
            {
                rgb[(i * 3) + c] = (byte)(notBlack - AlphaArithmetic.MulDiv255(window[(i * 4) + c], notBlack));
            }
        }
    }
}
