using Clip.Core.Text;

namespace Clip.Core.Tests.Text;

// Expected words come from the reference pattern run with the regex module on the same (cleaned) text.
public sealed class PreTokenizerTests
{
    [Theory]
    [InlineData("'sam 'member", new[] { "'s", "am", "'m", "ember" })]
    [InlineData("!'s", new[] { "!'", "s" })]
    [InlineData("a.<|endoftext|>", new[] { "a", ".<|", "endoftext", "|>" })]
    [InlineData("x<|endoftext|>y", new[] { "x", "<|endoftext|>", "y" })]
    [InlineData("<|\u017Ftartoftext|> '\u017F", new[] { "<|\u017Ftartoftext|>", "'\u017F" })]
    [InlineData("x\u0345y !\u0345?", new[] { "x", "y", "!", "?" })]
    [InlineData("\U0001D7D9\U0001D7DA 12", new[] { "\U0001D7D9", "\U0001D7DA", "1", "2" })]
    [InlineData("\U00020BB7\u91CE \U0001D518\U0001D52B", new[] { "\U00020BB7\u91CE", "\U0001D518\U0001D52B" })]
    [InlineData("a\u200Bb \U0001F469\u200D\U0001F4BB", new[] { "a", "\u200B", "b", "\U0001F469\u200D\U0001F4BB" })]
    [InlineData("  ", new string[0])]
    public void Split_CleanedText_GivesReferenceWords(string text, string[] expected)
    {
        Assert.Equal(expected, PreTokenizer.Split(text));
    }
}
