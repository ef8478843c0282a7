using System.Text;
using System.Text.RegularExpressions;

namespace Clip.Core.Text.Cleaning;

/// <summary>
/// ftfy's repairs on re-encoded bytes before they are decoded as UTF-8. The patterns work on a Latin-1 view of the
/// bytes, one character per byte.
/// </summary>
internal static class ByteLevelFixes
{
    // UTF-8 sequences that would be valid if a 0xA0 byte had not been turned into a space.
    private static readonly Regex AlteredUtf8 = new(
        @"[\xC2\xC3\xC5\xCE\xD0\xD9] "
        + @"|[\xE2\xE3] [\x80-\x84\x86-\x9F\xA1-\xBF]"
        + @"|[\xE0-\xE3][\x80-\x84\x86-\x9F\xA1-\xBF] "
        + @"|\xF0 [\x80-\xBF][\x80-\xBF]"
        + @"|\xF0[\x80-\xBF] [\x80-\xBF]"
        + @"|\xF0[\x80-\xBF][\x80-\xBF] ",
        RegexOptions.CultureInvariant);

    // "à" as a word of its own ("Ã la mode"), except in Portuguese contractions such as "às" and "àquele".
    private static readonly Regex AGraveWord = new(@"\xC3 (?! |quele|quela|quilo|s )", RegexOptions.CultureInvariant);

    // UTF-8 sequences with bytes lost to 0x1A (a U+FFFD re-encoded by a sloppy codec) or to '?'.
    private static readonly Regex LossyUtf8 = new(
        @"[\xC2-\xDF]\x1A"
        + @"|[\xC2-\xC3]\?"
        + @"|\xED[\xA0-\xAF][\x1A?]\xED[\xB0-\xBF][\x1A?\x80-\xBF]"
        + @"|\xED[\xA0-\xAF][\x1A?\x80-\xBF]\xED[\xB0-\xBF][\x1A?]"
        + @"|[\xE0-\xEF][\x1A?][\x1A\x80-\xBF]"
        + @"|[\xE0-\xEF][\x1A\x80-\xBF][\x1A?]"
        + @"|[\xF0-\xF4][\x1A?][\x1A\x80-\xBF][\x1A\x80-\xBF]"
        + @"|[\xF0-\xF4][\x1A\x80-\xBF][\x1A?][\x1A\x80-\xBF]"
        + @"|[\xF0-\xF4][\x1A\x80-\xBF][\x1A\x80-\xBF][\x1A?]"
        + @"|\x1A",
        RegexOptions.CultureInvariant);

    /// <summary>True when the bytes hold a UTF-8 sequence broken by a space where 0xA0 belongs.</summary>
    public static bool HasAlteredUtf8(byte[] bytes) => AlteredUtf8.IsMatch(Encoding.Latin1.GetString(bytes));

    /// <summary>Puts 0xA0 back where a space broke a UTF-8 sequence (ftfy's <c>restore_byte_a0</c>).</summary>
    public static byte[] RestoreByteA0(byte[] bytes)
    {
        string view = AGraveWord.Replace(Encoding.Latin1.GetString(bytes), "\u00C3\u00A0 ");
        view = AlteredUtf8.Replace(view, static match => match.Value.Replace(' ', '\u00A0'));
        return Encoding.Latin1.GetBytes(view);
    }

    /// <summary>Replaces UTF-8 sequences with lost bytes by the UTF-8 bytes of U+FFFD.</summary>
    public static byte[] ReplaceLossySequences(byte[] bytes)
    {
        string view = Encoding.Latin1.GetString(bytes);
        string replaced = LossyUtf8.Replace(view, "\u00EF\u00BF\u00BD");
        return ReferenceEquals(replaced, view) ? bytes : Encoding.Latin1.GetBytes(replaced);
    }
}
