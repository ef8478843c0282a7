using Clip.Core.Text.Unicode;

namespace Clip.Core.Tests.Text.Unicode;

public sealed class PythonWhitespaceTests
{
    [Theory]
    [InlineData(0x1C, true, false)]
    [InlineData(0x1F, true, false)]
    [InlineData(0x85, true, true)]
    [InlineData(0xA0, true, true)]
    [InlineData(0x3000, true, true)]
    [InlineData(0x200B, false, false)]
    [InlineData(0x180E, false, false)]
    public void IsSpace_CodePoint_MatchesPythonAndRegexModule(int codePoint, bool isSpace, bool isRegexSpace)
    {
        Assert.Equal(isSpace, PythonWhitespace.IsSpace(codePoint));
        Assert.Equal(isRegexSpace, PythonWhitespace.IsRegexSpace(codePoint));
    }

    [Fact]
    public void Strip_SeparatorsAndNoBreakSpace_AreRemoved()
    {
        Assert.Equal("a \u200B b", PythonWhitespace.Strip("\u001C\u00A0a \u200B b\u2029\u3000"));
    }
}
