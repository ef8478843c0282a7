using Clip.Core.Text;

namespace Clip.Core.Tests.Text;

public sealed class TextCleanerTests
{
    [Theory]
    [InlineData("&ntilde; &Ntilde; &NTILDE; &nTILDE;", "\u00F1 \u00F1 \u00F1 &ntilde;")]
    [InlineData("  Tab\tand\u2003em\u00A0space\u3000 ", "tab and em space")]
    [InlineData("a\u001Cb\u000Bc", "abc")]
    [InlineData("\u0130S \u0394\u03A5\u03A3\u03A3\u0395\u03A3", "i\u0307s \u03B4\u03C5\u03C3\u03C3\u03B5\u03C2")]
    public void Clean_Text_AppliesEveryStepInOrder(string text, string expected)
    {
        Assert.Equal(expected, TextCleaner.Clean(text));
    }

    [Fact]
    public void Clean_CleanLowerCaseText_ReturnsSameInstance()
    {
        string text = "a photo of a cat";

        Assert.Same(text, TextCleaner.Clean(text));
    }
}
