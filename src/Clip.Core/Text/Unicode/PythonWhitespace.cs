namespace Clip.Core.Text.Unicode;

/// <summary>
/// Whitespace as CPython sees it. <c>str.isspace()</c> and <c>str.strip()</c> also count the information separators
/// U+001C..U+001F, which the <c>regex</c> module's <c>\s</c> does not; .NET's <see cref="char.IsWhiteSpace(char)"/>
/// agrees with neither.
/// </summary>
internal static class PythonWhitespace
{
    /// <summary><c>str.isspace()</c> for one code point.</summary>
    public static bool IsSpace(int codePoint) => codePoint < 0x80
        ? codePoint is (>= 0x09 and <= 0x0D) or (>= 0x1C and <= 0x20)
        : CodePointRanges.Contains(WhitespaceTables.PythonSpaceRanges, codePoint);

    /// <summary><c>\s</c> of the <c>regex</c> module (Unicode White_Space).</summary>
    public static bool IsRegexSpace(int codePoint) => codePoint is < 0x1C or > 0x1F && IsSpace(codePoint);

    /// <summary><c>str.strip()</c> with no argument; returns the same instance when nothing is stripped.</summary>
    public static string Strip(string text)
    {
        int start = 0;
        int end = text.Length;
        while (start < end && IsSpace(text[start]))
        {
            start++;
        }

        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }

        return start == 0 && end == text.Length ? text : text[start..end];
    }
}
