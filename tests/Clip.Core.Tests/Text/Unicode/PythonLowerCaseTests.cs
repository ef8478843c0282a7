using Clip.Core.Text.Unicode;

namespace Clip.Core.Tests.Text.Unicode;

// Expected values come from CPython 3.11's str.lower().
public sealed class PythonLowerCaseTests
{
    [Theory]
    [InlineData("\u03A3\u0391\u03A3 \u0391\u03A3. \u03A3", "\u03C3\u03B1\u03C2 \u03B1\u03C2. \u03C3")]
    [InlineData("\u1F48\u0394\u03A5\u03A3\u03A3\u0395\u038E\u03A3", "\u1F40\u03B4\u03C5\u03C3\u03C3\u03B5\u03CD\u03C2")]
    [InlineData("A\u0345\u03A3", "a\u0345\u03C2")]
    [InlineData("\u0391\u03A3\u0301 x", "\u03B1\u03C2\u0301 x")]
    [InlineData("\u03A3", "\u03C3")]
    public void ToLower_CapitalSigma_UsesFinalFormOnlyAtWordEnd(string text, string expected)
    {
        Assert.Equal(expected, PythonLowerCase.ToLower(text));
    }

    [Theory]
    [InlineData("\u0130stanbul", "i\u0307stanbul")]
    [InlineData("\u1E9E", "\u00DF")]
    [InlineData("\U00010400", "\U00010428")]
    [InlineData("\u01C5", "\u01C6")]
    [InlineData("HeLLo W\u00D6RLD", "hello w\u00F6rld")]
    public void ToLower_NonAsciiCapitals_FollowsFullCaseMapping(string text, string expected)
    {
        Assert.Equal(expected, PythonLowerCase.ToLower(text));
    }

    [Fact]
    public void ToLower_NothingToChange_ReturnsSameInstance()
    {
        string text = "already lower \u732B";

        Assert.Same(text, PythonLowerCase.ToLower(text));
    }
}
