using System.Text;
using System.Text.RegularExpressions;

namespace Clip.Core.Text.Cleaning;

/// <summary>
/// ftfy 6.3.1's <c>fix_encoding</c>: text that looks like mojibake (UTF-8 bytes decoded with a single-byte
/// encoding) is re-encoded with the first candidate encoding that can represent it and decoded as UTF-8 again,
/// step by step until nothing changes.
/// </summary>
internal static class MojibakeFixer
{
    // Runs of characters that single-byte encodings give for whole UTF-8 sequences, not preceded by a character
    // that would continue a longer garble.
    private static readonly Regex Utf8Lookalike = new(
        $"(?<![{Utf8ClueTables.StrictContinuation}])(?:[{Utf8ClueTables.FirstOfTwo}][{Utf8ClueTables.Continuation}]"
        + $"|[{Utf8ClueTables.FirstOfThree}][{Utf8ClueTables.Continuation}]{{2}}"
        + $"|[{Utf8ClueTables.FirstOfFour}][{Utf8ClueTables.Continuation}]{{3}})+",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>The repaired text; the same instance when nothing looked like mojibake.</summary>
    public static string FixEncoding(string text)
    {
        while (true)
        {
            string repaired = FixOneStep(text);
            if (repaired == text)
            {
                return text;
            }

            text = repaired;
        }
    }

    private static string FixOneStep(string text)
    {
        if (Ascii.IsValid(text) || !MojibakeHeuristic.IsBad(text))
        {
            return text;
        }

        bool latin1Encodable = false;
        foreach (SingleByteCodec codec in SingleByteCodec.FtfyCandidates)
        {
            if (!codec.CanEncode(text))
            {
                continue;
            }

            latin1Encodable |= codec == SingleByteCodec.Latin1;
            if (TryDecodeAsUtf8(codec, codec.Encode(text), out string decoded))
            {
                return decoded;
            }
        }

        if (Utf8Lookalike.IsMatch(text))
        {
            string repaired = DecodeInconsistentUtf8(text);
            if (repaired != text)
            {
                return repaired;
            }
        }

        // Latin-1 text with C1 controls was most likely meant as windows-1252.
        if (latin1Encodable && TryReadLatin1AsWindows1252(text, out string windows1252) && windows1252 != text)
        {
            return windows1252;
        }

        return FtfyCharacterFixes.FixC1Controls(text);
    }

    private static bool TryDecodeAsUtf8(SingleByteCodec codec, byte[] bytes, out string decoded)
    {
        // MacRoman is left out: its en dash followed by a space would look like an altered 0xA0.
        if (codec.Name != "macroman" && ByteLevelFixes.HasAlteredUtf8(bytes))
        {
            bytes = ByteLevelFixes.RestoreByteA0(bytes);
        }

        if (codec.IsSloppy)
        {
            bytes = ByteLevelFixes.ReplaceLossySequences(bytes);
        }

        bool variants = bytes.AsSpan().IndexOfAny((byte)0xED, (byte)0xC0) >= 0;
        return Utf8VariantsDecoder.TryDecode(bytes, variants, out decoded);
    }

    // Mixed text: repair each UTF-8-looking run on its own when it is itself bad.
    private static string DecodeInconsistentUtf8(string text) => Utf8Lookalike.Replace(
        text,
        match => match.Length < text.Length && MojibakeHeuristic.IsBad(match.Value)
            ? FixEncoding(match.Value)
            : match.Value);

    private static bool TryReadLatin1AsWindows1252(string text, out string result)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            char mapped = c is >= '\u0080' and <= '\u009F' ? SingleByteCodecTables.StrictWindows1252[c] : c;
            if (mapped == '\uFFFF')
            {
                result = text;
                return false;
            }

            builder.Append(mapped);
        }

        result = builder.ToString();
        return true;
    }
}
