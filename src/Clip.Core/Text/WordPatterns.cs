namespace Clip.Core.Text;

/// <summary>The fixed-text alternatives of the reference's word pattern: special tokens and contractions.</summary>
internal static class WordPatterns
{
    /// <summary>The text of the start-of-text special token.</summary>
    public const string StartOfText = "<|startoftext|>";

    /// <summary>The text of the end-of-text special token.</summary>
    public const string EndOfText = "<|endoftext|>";

    private static readonly string[] SpecialTokens = [StartOfText, EndOfText];

    private static readonly string[] Contractions = ["'s", "'t", "'re", "'ve", "'m", "'ll", "'d"];

    /// <summary>
    /// The length of the special token or contraction that <paramref name="text"/> starts with, or 0 when none.
    /// </summary>
    public static int FixedWordLength(ReadOnlySpan<char> text)
    {
        string[] candidates = text[0] switch
        {
            '<' => SpecialTokens,
            '\'' => Contractions,
            _ => [],
        };
        foreach (string candidate in candidates)
        {
            if (MatchesIgnoringCase(text, candidate))
            {
                return candidate.Length;
            }
        }

        return 0;
    }

    // The reference compiles its pattern case-insensitively. The text is lower-cased by then, so the only effect
    // left is that the long s (U+017F), whose case folding is 's', matches an 's'.
    private static bool MatchesIgnoringCase(ReadOnlySpan<char> text, string literal)
    {
        if (text.Length < literal.Length)
        {
            return false;
        }

        for (int index = 0; index < literal.Length; index++)
        {
            if (text[index] != literal[index] && !(literal[index] == 's' && text[index] == '\u017F'))
            {
                return false;
            }
        }

        return true;
    }
}
