using System.Text;

namespace Clip.Core.Text.Cleaning;

/// <summary>
/// Strict UTF-8 decoding as CPython does it, optionally accepting ftfy's "utf-8-variants": CESU-8 surrogate pairs
/// (six bytes for one supplementary character) and Java's two-byte NUL (0xC0 0x80).
/// </summary>
internal static class Utf8VariantsDecoder
{
    /// <summary>Decodes <paramref name="bytes"/>; false when they are not (variant) UTF-8.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, bool allowVariants, out string text)
    {
        var builder = new StringBuilder(bytes.Length);
        Span<char> units = stackalloc char[2];
        int index = 0;
        while (index < bytes.Length)
        {
            int codePoint = 0;
            int length = allowVariants ? VariantLength(bytes[index..], out codePoint) : 0;
            if (length == 0)
            {
                length = StandardLength(bytes[index..], out codePoint);
            }

            if (length == 0)
            {
                text = string.Empty;
                return false;
            }

            builder.Append(units[..new Rune(codePoint).EncodeToUtf16(units)]);
            index += length;
        }

        text = builder.ToString();
        return true;
    }

    private static int VariantLength(ReadOnlySpan<byte> bytes, out int codePoint)
    {
        codePoint = 0;
        if (bytes.Length >= 2 && bytes[0] == 0xC0 && bytes[1] == 0x80)
        {
            return 2;
        }

        if (bytes.Length >= 6 && bytes[0] == 0xED && bytes[1] is >= 0xA0 and <= 0xAF && IsContinuation(bytes[2])
            && bytes[3] == 0xED && bytes[4] is >= 0xB0 and <= 0xBF && IsContinuation(bytes[5]))
        {
            codePoint = 0x10000 + ((bytes[1] & 0x0F) << 16) + ((bytes[2] & 0x3F) << 10)
                + ((bytes[4] & 0x0F) << 6) + (bytes[5] & 0x3F);
            return 6;
        }

        return 0;
    }

    // Well-formed UTF-8 byte sequences (Unicode table 3-7): no overlong forms, surrogates or values past U+10FFFF.
    private static int StandardLength(ReadOnlySpan<byte> bytes, out int codePoint)
    {
        byte lead = bytes[0];
        codePoint = lead;
        (int length, int min, int max) = lead switch
        {
            < 0x80 => (1, 0, 0),
            >= 0xC2 and <= 0xDF => (2, 0x80, 0xBF),
            0xE0 => (3, 0xA0, 0xBF),
            0xED => (3, 0x80, 0x9F),
            >= 0xE1 and <= 0xEF => (3, 0x80, 0xBF),
            0xF0 => (4, 0x90, 0xBF),
            >= 0xF1 and <= 0xF3 => (4, 0x80, 0xBF),
            0xF4 => (4, 0x80, 0x8F),
            _ => (0, 0, 0),
        };
        if (length <= 1)
        {
            return length;
        }

        if (bytes.Length < length || bytes[1] < min || bytes[1] > max)
        {
            return 0;
        }

        codePoint = lead & (0xFF >> (length + 1));
        for (int index = 1; index < length; index++)
        {
            if (!IsContinuation(bytes[index]))
            {
                return 0;
            }

            codePoint = (codePoint << 6) | (bytes[index] & 0x3F);
        }

        return length;
    }

    private static bool IsContinuation(byte value) => value is >= 0x80 and <= 0xBF;
}
