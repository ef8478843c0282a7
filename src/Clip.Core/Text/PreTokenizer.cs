using System.Globalization;
using System.Text;
using Clip.Core.Text.Unicode;

namespace Clip.Core.Text;

/// <summary>
/// Splits cleaned text into the words that byte-pair encoding works on, as the reference's regular expression does.
/// At each position the first of these that matches wins: the literal special tokens, the contractions 's 't 're
/// 've 'm 'll 'd, a run of letters, a single digit, a run of anything that is neither whitespace, letter nor
/// digit. Whitespace (and U+0345, see below) separates words and is dropped. Characters are classified per code point, so letters and
/// digits outside the Basic Multilingual Plane count as such.
/// </summary>
public static class PreTokenizer
{
    /// <summary>The words of <paramref name="cleanedText"/>, in order.</summary>
    public static IReadOnlyList<string> Split(string cleanedText)
    {
        ArgumentNullException.ThrowIfNull(cleanedText);

        var words = new List<string>();
        foreach (Range word in Enumerate(cleanedText))
        {
            words.Add(cleanedText[word]);
        }

        return words;
    }

    /// <summary>The words of <paramref name="cleanedText"/> as ranges, without allocating.</summary>
    internal static WordEnumerator Enumerate(ReadOnlySpan<char> cleanedText) => new(cleanedText);

    /// <summary>Walks the words of a cleaned text.</summary>
    internal ref struct WordEnumerator
    {
        private readonly ReadOnlySpan<char> _text;
        private int _position;

        internal WordEnumerator(ReadOnlySpan<char> text)
        {
            _text = text;
        }

        /// <summary>The range of the current word.</summary>
        public Range Current { get; private set; }

        /// <summary>Returns this enumerator, for <c>foreach</c>.</summary>
        public readonly WordEnumerator GetEnumerator() => this;

        /// <summary>Advances to the next word; false at the end of the text.</summary>
        public bool MoveNext()
        {
            int start = _position;
            CharacterClass kind = CharacterClass.Space;
            int length = 0;
            while (start < _text.Length && (kind = Classify(_text, start, out length)) == CharacterClass.Space)
            {
                start += length;
            }

            if (start >= _text.Length)
            {
                _position = start;
                return false;
            }

            int end = WordPatterns.FixedWordLength(_text[start..]) is > 0 and var fixedLength
                ? start + fixedLength
                : kind switch
                {
                    CharacterClass.Letter => RunEnd(start, CharacterClass.Letter),
                    CharacterClass.Number => start + length,
                    _ => RunEnd(start, CharacterClass.Other),
                };
            Current = start..end;
            _position = end;
            return true;
        }

        private readonly int RunEnd(int start, CharacterClass kind)
        {
            int end = start;
            while (end < _text.Length && Classify(_text, end, out int length) == kind)
            {
                end += length;
            }

            return end;
        }
    }

    private enum CharacterClass
    {
        Space,
        Letter,
        Number,
        Other,
    }

    // The reference matches its pattern case-insensitively, and the regex engine then finds no class for U+0345: it
    // is a mark, but its case folding (iota) is a letter. No word contains it; it separates words like a space.
    private const int CombiningYpogegrammeni = 0x345;

    private static CharacterClass Classify(ReadOnlySpan<char> text, int index, out int length)
    {
        char c = text[index];
        length = 1;
        if (char.IsAscii(c))
        {
            return char.IsAsciiLetter(c) ? CharacterClass.Letter
                : char.IsAsciiDigit(c) ? CharacterClass.Number
                : PythonWhitespace.IsRegexSpace(c) ? CharacterClass.Space
                : CharacterClass.Other;
        }

        Rune.DecodeFromUtf16(text[index..], out Rune rune, out length);
        if (rune.Value == CombiningYpogegrammeni)
        {
            return CharacterClass.Space;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            <= UnicodeCategory.OtherLetter => CharacterClass.Letter,
            >= UnicodeCategory.DecimalDigitNumber and <= UnicodeCategory.OtherNumber => CharacterClass.Number,
            _ when PythonWhitespace.IsRegexSpace(rune.Value) => CharacterClass.Space,
            _ => CharacterClass.Other,
        };
    }
}
