using Clip.Core.Text.Cleaning;

namespace Clip.Core.Tests.Text.Cleaning;

// Expected values come from CPython 3.11's html.unescape().
public sealed class PythonHtmlUnescaperTests
{
    [Theory]
    [InlineData("&#x110000;", "\uFFFD")]
    [InlineData("&#xD800;", "\uFFFD")]
    [InlineData("&#99999999999999999999;", "\uFFFD")]
    [InlineData("&#1;", "")]
    [InlineData("&#xFFFF;", "")]
    [InlineData("&#13;", "\r")]
    [InlineData("&#129;", "\u0081")]
    [InlineData("&#128;", "\u20AC")]
    [InlineData("&#65", "A")]
    [InlineData("&#0000065;", "A")]
    [InlineData("&#X41;", "A")]
    public void Unescape_NumericReference_FollowsHtml5Rules(string text, string expected)
    {
        Assert.Equal(expected, PythonHtmlUnescaper.Unescape(text));
    }

    [Theory]
    [InlineData("&ampx", "&x")]
    [InlineData("&amp;amp;", "&amp;")]
    [InlineData("&lt;&gt", "<>")]
    [InlineData("&Aacute&aacute;", "\u00C1\u00E1")]
    [InlineData("&notin;", "\u2209")]
    [InlineData("&notit;", "\u00ACit;")]
    [InlineData("&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;", "&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;")]
    [InlineData("a=1&b=2#frag", "a=1&b=2#frag")]
    public void Unescape_NamedReference_UsesLongestKnownPrefix(string text, string expected)
    {
        Assert.Equal(expected, PythonHtmlUnescaper.Unescape(text));
    }
}
