using System.Globalization;
using System.Text;

namespace Clip.Core.Text.Cleaning;

/// <summary>ftfy's removal of ANSI terminal escapes (colour codes and the like).</summary>
internal static class TerminalEscapes
{
    private const char Escape = '\u001B';

    /// <summary>Removes ANSI terminal escapes: ESC '[', digits or ';', then one ASCII letter.</summary>
    public static string Remove(string text)
    {
        int start = text.IndexOf(Escape, StringComparison.Ordinal);
        if (start < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        int copied = 0;
        while (start >= 0)
        {
            int end = TerminalEscapeEnd(text, start);
            if (end > 0)
            {
                builder.Append(text, copied, start - copied);
                copied = end;
            }

            start = text.IndexOf(Escape, Math.Max(end, start + 1));
        }

        return copied == 0 ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    // The end (exclusive) of the escape starting at `start`, or 0 when none starts there. Python's \d matches
    // every decimal digit, not only ASCII ones.
    private static int TerminalEscapeEnd(string text, int start)
    {
        int index = start + 1;
        if (index >= text.Length || text[index] != '[')
        {
            return 0;
        }

        index++;
        while (index < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(index), out Rune rune, out int length);
            if (rune.Value != ';' && Rune.GetUnicodeCategory(rune) != UnicodeCategory.DecimalDigitNumber)
            {
                break;
            }

            index += length;
        }

        return index < text.Length && char.IsAsciiLetter(text[index]) ? index + 1 : 0;
    }
}
