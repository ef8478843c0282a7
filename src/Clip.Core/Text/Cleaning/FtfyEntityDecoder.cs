using System.Buffers;
using System.Text;

namespace Clip.Core.Text.Cleaning;

/// <summary>
/// ftfy's own entity decoding: only complete references "&amp;name;" / "&amp;#digits;" of at most 24 letters or
/// digits, including all-caps names, and never a numeric reference whose text would contain ';'.
/// </summary>
internal static class FtfyEntityDecoder
{
    private const int MaxBodyLength = 24;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789ABCDEFabcdef");

    /// <summary>Decodes the references in <paramref name="text"/>; the same instance when there is none.</summary>
    public static string Unescape(string text)
    {
        int ampersand = text.IndexOf('&', StringComparison.Ordinal);
        if (ampersand < 0)
        {
            return text;
        }

        StringBuilder? builder = null;
        int copied = 0;
        while (ampersand >= 0)
        {
            int end = ReferenceEnd(text, ampersand);
            if (end > 0 && TryDecode(text.AsSpan(ampersand, end - ampersand), out string? decoded))
            {
                builder ??= new StringBuilder(text.Length);
                builder.Append(text, copied, ampersand - copied).Append(decoded);
                copied = end;
            }

            ampersand = text.IndexOf('&', Math.Max(end, ampersand + 1));
        }

        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    // The end of "&", an optional '#', 1 to 24 ASCII letters or digits and ';'; 0 when the text does not match.
    private static int ReferenceEnd(string text, int ampersand)
    {
        int start = ampersand + 1;
        if (start < text.Length && text[start] == '#')
        {
            start++;
        }

        int end = start;
        while (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
        {
            end++;
        }

        int length = end - start;
        return length is >= 1 and <= MaxBodyLength && end < text.Length && text[end] == ';' ? end + 1 : 0;
    }

    private static bool TryDecode(ReadOnlySpan<char> reference, out string? decoded)
    {
        if (reference[1] != '#')
        {
            return HtmlEntities.FtfyNames.TryGetValue(reference[1..], out decoded);
        }

        ReadOnlySpan<char> body = reference[2..^1];
        bool hex = body[0] is 'x' or 'X';
        ReadOnlySpan<char> digits = hex ? body[1..] : body;
        bool valid = !digits.IsEmpty
            && (hex ? !digits.ContainsAnyExcept(HexDigits) : !digits.ContainsAnyExceptInRange('0', '9'));
        decoded = valid ? HtmlEntities.DecodeNumericReference(digits, hex ? 16 : 10) : null;

        // html.unescape would have stopped before the ';' (or produced one); ftfy then keeps the reference.
        return decoded is not null && !decoded.Contains(';', StringComparison.Ordinal);
    }
}
