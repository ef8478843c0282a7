using System.Globalization;
using System.Text;
using Clip.Core.Text.Unicode;

namespace Clip.Core.Text;

/// <summary>What a code point is to the word pattern.</summary>
internal enum WordCharacter
{
    /// <summary>Whitespace, or another code point that no alternative of the pattern matches.</summary>
    Separator,

    /// <summary>A letter (\p{L}).</summary>
    Letter,

    /// <summary>A digit or other number (\p{N}).</summary>
    Digit,

    /// <summary>Anything else: punctuation, symbols, marks, emoji.</summary>
    Other,
}

/// <summary>Classifies code points for the word pattern.</summary>
internal static class WordCharacters
{
    // The reference matches its pattern case-insensitively, and the regex engine then finds no class for U+0345: it
    // is a mark, but its case folding (iota) is a letter. No word contains it; it separates words like a space.
    private const int CombiningYpogegrammeni = 0x345;

    /// <summary>The class of the code point at <paramref name="index"/>, and its UTF-16 length.</summary>
    public static WordCharacter Classify(ReadOnlySpan<char> text, int index, out int length)
    {
        char c = text[index];
        length = 1;
        if (char.IsAscii(c))
        {
            return char.IsAsciiLetter(c) ? WordCharacter.Letter
                : char.IsAsciiDigit(c) ? WordCharacter.Digit
                : PythonWhitespace.IsRegexSpace(c) ? WordCharacter.Separator
                : WordCharacter.Other;
        }

        Rune.DecodeFromUtf16(text[index..], out Rune rune, out length);
        if (rune.Value == CombiningYpogegrammeni)
        {
            return WordCharacter.Separator;
        }

        // Limitation: categories come from the runtime's Unicode data, which is newer than the reference's; a code
        // point assigned after Unicode 14 may be classified where the reference saw an unassigned one.
        return Rune.GetUnicodeCategory(rune) switch
        {
            <= UnicodeCategory.OtherLetter => WordCharacter.Letter,
            >= UnicodeCategory.DecimalDigitNumber and <= UnicodeCategory.OtherNumber => WordCharacter.Digit,
            _ when PythonWhitespace.IsRegexSpace(rune.Value) => WordCharacter.Separator,
            _ => WordCharacter.Other,
        };
    }
}
