using System.Text;

namespace Clip.Core.Text.Cleaning;

/// <summary>
/// CPython 3.11's <c>html.unescape</c>: HTML5 named references (also the legacy ones without ';', matched by the
/// longest known prefix) and numeric references with the HTML5 replacements.
/// </summary>
internal static class PythonHtmlUnescaper
{
    private const int MaxNameLength = 32;

    /// <summary>Unescapes <paramref name="text"/>; the same instance when it has no '&amp;'.</summary>
    public static string Unescape(string text)
    {
        int ampersand = text.IndexOf('&', StringComparison.Ordinal);
        if (ampersand < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        int copied = 0;
        while (ampersand >= 0)
        {
            int end = TryReplace(text, ampersand, out string replacement);
            if (end > 0)
            {
                builder.Append(text, copied, ampersand - copied).Append(replacement);
                copied = end;
            }

            ampersand = text.IndexOf('&', Math.Max(end, ampersand + 1));
        }

        return builder.Append(text, copied, text.Length - copied).ToString();
    }

    // The end of the reference starting at `ampersand`, or 0 when none starts there.
    private static int TryReplace(string text, int ampersand, out string replacement)
    {
        int start = ampersand + 1;
        replacement = string.Empty;
        if (start < text.Length && text[start] == '#')
        {
            return TryReplaceNumeric(text, start + 1, out replacement);
        }

        int end = start;
        while (end < text.Length && end - start < MaxNameLength && !EndsName(text[end]))
        {
            end++;
        }

        if (end == start)
        {
            return 0;
        }

        if (end < text.Length && text[end] == ';')
        {
            end++;
        }

        replacement = ReplaceName(text.AsSpan(start, end - start));
        return end;
    }

    private static int TryReplaceNumeric(string text, int start, out string replacement)
    {
        replacement = string.Empty;
        bool hex = start + 1 < text.Length && text[start] is 'x' or 'X' && char.IsAsciiHexDigit(text[start + 1]);
        int digitsStart = hex ? start + 1 : start;
        int end = digitsStart;
        while (end < text.Length && (hex ? char.IsAsciiHexDigit(text[end]) : char.IsAsciiDigit(text[end])))
        {
            end++;
        }

        if (end == digitsStart)
        {
            return 0;
        }

        replacement = HtmlEntities.DecodeNumericReference(text.AsSpan(digitsStart, end - digitsStart), hex ? 16 : 10);
        return end < text.Length && text[end] == ';' ? end + 1 : end;
    }

    private static string ReplaceName(ReadOnlySpan<char> name)
    {
        if (HtmlEntities.Html5.TryGetValue(name, out string? value))
        {
            return value;
        }

        for (int length = name.Length - 1; length > 1; length--)
        {
            if (HtmlEntities.Html5.TryGetValue(name[..length], out value))
            {
                return string.Concat(value, name[length..]);
            }
        }

        return string.Concat("&", name);
    }

    private static bool EndsName(char c) => c is '\t' or '\n' or '\f' or ' ' or '<' or '&' or '#' or ';';
}
