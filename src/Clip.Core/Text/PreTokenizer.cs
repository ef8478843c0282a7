namespace Clip.Core.Text;

/// <summary>
/// Splits cleaned text into the words that byte-pair encoding works on, as the reference's regular expression does.
/// At each position the first of these that matches wins: the literal special tokens, the contractions 's 't 're
/// 've 'm 'll 'd, a run of letters, a single digit, a run of anything that is neither whitespace, letter nor
/// digit. Whitespace separates words and is dropped. Characters are classified per code point, so letters and
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
}
