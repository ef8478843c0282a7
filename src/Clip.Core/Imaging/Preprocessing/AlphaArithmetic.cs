namespace Clip.Core.Imaging.Preprocessing;

/// <summary>8-bit alpha arithmetic, rounded exactly as the reference rounds it.</summary>
internal static class AlphaArithmetic
{
    /// <summary>x * y / 255 rounded to nearest, with the reference's shift-based division.</summary>
    public static int MulDiv255(int x, int y)
    {
        int t = (x * y) + 128;
        return ((t >> 8) + t) >> 8;
    }

    /// <summary>Undoes premultiplication; alpha 0 and 255 keep the stored value, as in the reference.</summary>
    public static byte Unpremultiply(byte premultiplied, byte alpha) => alpha is 0 or 255
        ? premultiplied
        : (byte)Math.Min(255, 255 * premultiplied / alpha);

    /// <summary>Source over background, rounded to nearest (255 is odd, so x / 255 never ends in exactly .5).</summary>
    public static byte Composite(byte colour, byte alpha, byte background) =>
        (byte)(((colour * alpha) + (background * (255 - alpha)) + 127) / 255);
}
