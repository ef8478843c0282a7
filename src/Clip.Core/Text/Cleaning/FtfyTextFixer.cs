namespace Clip.Core.Text.Cleaning;

/// <summary>
/// ftfy 6.3.1's <c>fix_text</c> with its default settings. Text is fixed line by line; each line goes through
/// entity decoding, mojibake repair, the character fixers and NFC until it stops changing.
/// </summary>
internal static class FtfyTextFixer
{
    // ftfy cuts lines longer than this many code points into segments of this size.
    private const int MaxSegmentLength = 1_000_000;

    /// <summary>The fixed text; the same instance when nothing changed.</summary>
    public static string FixText(string text)
    {
        // Printable ASCII without '&' gives no fixer anything to do (most captions and labels).
        if (text.AsSpan().IndexOfAnyExceptInRange(' ', '~') < 0 && !text.Contains('&', StringComparison.Ordinal))
        {
            return text;
        }

        if (text.Length <= MaxSegmentLength && text.IndexOf('\n', StringComparison.Ordinal) < 0)
        {
            return FixSegment(text, decodeEntities: !text.Contains('<', StringComparison.Ordinal));
        }

        var fixedSegments = new List<string>();
        bool decodeEntities = true;
        int position = 0;
        while (position < text.Length)
        {
            int end = SegmentEnd(text, position);
            string segment = text[position..end];

            // A literal '<' means real HTML: from that line on, entities are left alone.
            decodeEntities &= !segment.Contains('<', StringComparison.Ordinal);
            fixedSegments.Add(FixSegment(segment, decodeEntities));
            position = end;
        }

        string result = string.Concat(fixedSegments);
        return result == text ? text : result;
    }

    private static string FixSegment(string text, bool decodeEntities)
    {
        while (true)
        {
            string original = text;
            if (decodeEntities)
            {
                text = FtfyEntityDecoder.Unescape(text);
            }

            text = MojibakeFixer.FixEncoding(text);
            text = FtfyCharacterFixes.FixC1Controls(text);
            text = FtfyCharacterFixes.FixLatinLigatures(text);
            text = FtfyCharacterFixes.FixCharacterWidth(text);
            text = FtfyCharacterFixes.UncurlQuotes(text);
            text = FtfyCharacterFixes.FixLineBreaks(text);
            text = FtfyCharacterFixes.FixSurrogates(text);
            text = TerminalEscapes.Remove(text);
            text = FtfyCharacterFixes.RemoveControlCharacters(text);
            text = Unicode.NfcNormalizer.Normalize(text);
            if (text == original)
            {
                return original;
            }
        }
    }

    // A segment ends after a line feed, or after MaxSegmentLength code points.
    private static int SegmentEnd(string text, int start)
    {
        int lineEnd = text.IndexOf('\n', start);
        int end = lineEnd < 0 ? text.Length : lineEnd + 1;
        int codePoints = 0;
        for (int index = start; index < end; index++)
        {
            if (!char.IsLowSurrogate(text[index]) && ++codePoints > MaxSegmentLength)
            {
                return index;
            }
        }

        return end;
    }
}
