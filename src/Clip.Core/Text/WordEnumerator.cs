namespace Clip.Core.Text;

/// <summary>Walks the words of a cleaned text (see <see cref="PreTokenizer"/>) as ranges.</summary>
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
        WordCharacter kind = WordCharacter.Separator;
        int length = 0;
        while (start < _text.Length
            && (kind = WordCharacters.Classify(_text, start, out length)) == WordCharacter.Separator)
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
                WordCharacter.Letter => RunEnd(start, WordCharacter.Letter),
                WordCharacter.Digit => start + length,
                _ => RunEnd(start, WordCharacter.Other),
            };
        Current = start..end;
        _position = end;
        return true;
    }

    private readonly int RunEnd(int start, WordCharacter kind)
    {
        int end = start;
        while (end < _text.Length && WordCharacters.Classify(_text, end, out int length) == kind)
        {
            end += length;
        }

        return end;
    }
}
