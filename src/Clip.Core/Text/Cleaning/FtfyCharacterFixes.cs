using System.Text;

namespace Clip.Core.Text.Cleaning;

/// <summary>
/// The character-level fixers of ftfy 6.3.1 that run after the encoding repair, each returning the same instance
/// when it has nothing to change.
/// </summary>
internal static class FtfyCharacterFixes
{
    private static readonly CharacterMap C1Controls = new(
        Enumerable.Range(0x80, 0x20).Select(code => Pair(code, SingleByteCodec.SloppyWindows1252.Decode((byte)code))));

    // Latin ligatures and digraphs that are copy-paste artefacts rather than intended characters.
    private static readonly CharacterMap Ligatures = new(
    [
        Pair(0x0132, "IJ"), Pair(0x0133, "ij"), Pair(0x0149, "\u02BCn"), Pair(0x01F1, "DZ"), Pair(0x01F2, "Dz"),
        Pair(0x01F3, "dz"), Pair(0x01C4, "D\u017D"), Pair(0x01C5, "D\u017E"), Pair(0x01C6, "d\u017E"),
        Pair(0x01C7, "LJ"), Pair(0x01C8, "Lj"), Pair(0x01C9, "lj"), Pair(0x01CA, "NJ"), Pair(0x01CB, "Nj"),
        Pair(0x01CC, "nj"), Pair(0xFB00, "ff"), Pair(0xFB01, "fi"), Pair(0xFB02, "fl"), Pair(0xFB03, "ffi"),
        Pair(0xFB04, "ffl"), Pair(0xFB05, "\u017Ft"), Pair(0xFB06, "st"),
    ]);

    private static readonly CharacterMap Widths = new(
        CharacterWidthTables.Codes.Zip(CharacterWidthTables.Values, (code, value) => Pair(code, value)));

    private static readonly CharacterMap Quotes = new(
        new[] { 0x02BC, 0x2018, 0x2019, 0x201A, 0x201B }.Select(code => Pair(code, "'"))
            .Concat(new[] { 0x201C, 0x201D, 0x201E, 0x201F }.Select(code => Pair(code, "\""))));

    // C0 controls other than tab, LF, FF and CR; DEL; deprecated Arabic format controls; BOM; interlinear
    // annotation marks and the object replacement character.
    private static readonly CharacterMap ControlCharacters = new(
        Enumerable.Range(0x00, 0x09).Append(0x0B).Concat(Enumerable.Range(0x0E, 0x12)).Append(0x7F)
            .Concat(Enumerable.Range(0x206A, 6)).Append(0xFEFF).Concat(Enumerable.Range(0xFFF9, 4))
            .Select(code => Pair(code, string.Empty)));

    private static readonly CharacterMap LineSeparators = new(
        new[] { 0x2028, 0x2029, 0x0085 }.Select(code => Pair(code, "\n")));

    /// <summary>C1 controls read as the windows-1252 characters of the same byte, as browsers do.</summary>
    public static string FixC1Controls(string text) => C1Controls.Apply(text);

    /// <summary>Expands Latin ligatures such as "ﬁ".</summary>
    public static string FixLatinLigatures(string text) => Ligatures.Apply(text);

    /// <summary>Full-width ASCII and half-width katakana to their usual width; U+3000 to a space.</summary>
    public static string FixCharacterWidth(string text) => Widths.Apply(text);

    /// <summary>Curly quotes to ASCII quotes.</summary>
    public static string UncurlQuotes(string text) => Quotes.Apply(text);

    /// <summary>CR LF, CR, U+2028, U+2029 and U+0085 to LF.</summary>
    public static string FixLineBreaks(string text)
    {
        if (text.Contains('\r', StringComparison.Ordinal))
        {
            text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        }

        return LineSeparators.Apply(text);
    }

    /// <summary>Unpaired UTF-16 surrogates to U+FFFD (pairs are already single code points in .NET strings).</summary>
    public static string FixSurrogates(string text)
    {
        int index = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (index < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length).Append(text, 0, index);
        for (; index < text.Length; index++)
        {
            char c = text[index];
            if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                builder.Append(c).Append(text[++index]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        string result = builder.ToString();
        return result == text ? text : result;
    }

    /// <summary>Removes control and format characters that have no visible effect (see the map above).</summary>
    public static string RemoveControlCharacters(string text) => ControlCharacters.Apply(text);

    private static KeyValuePair<char, string> Pair(int code, string value) => new((char)code, value);

    private static KeyValuePair<char, string> Pair(int code, char value) => new((char)code, value.ToString());
}
