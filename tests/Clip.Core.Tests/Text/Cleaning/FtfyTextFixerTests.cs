using Clip.Core.Text.Cleaning;

namespace Clip.Core.Tests.Text.Cleaning;

// Examples from ftfy 6.3.1's documentation, and cases that follow from its rules.
public sealed class FtfyTextFixerTests
{
    [Theory]
    [InlineData("s\u00C3\u00B3", "s\u00F3")]
    [InlineData("voil\u00C3 le travail", "voil\u00E0 le travail")]
    [InlineData("sch\u00C3\u00B6n", "sch\u00F6n")]
    [InlineData("&macr;\\_(\u00E3\u0083\u0084)_/&macr;", "\u00AF\\_(\u30C4)_/\u00AF")]
    [InlineData("\u00E2\u0080\u009Cmismatched quotes\u0085\u0094", "\"mismatched quotes\u2026\"")]
    public void FixText_Mojibake_IsDecodedAgain(string text, string expected)
    {
        Assert.Equal(expected, FtfyTextFixer.FixText(text));
    }

    [Theory]
    [InlineData("P&EACUTE;REZ", "P\u00C9REZ")]
    [InlineData("BUNDESSTRA&SZLIG;E", "BUNDESSTRASSE")]
    [InlineData("&ntilde; &Ntilde; &NTILDE; &nTILDE;", "\u00F1 \u00D1 \u00D1 &nTILDE;")]
    [InlineData("&#59; &#x41; &#12ab; &notit;", "&#59; A &#12ab; &notit;")]
    public void FixText_Entities_DecodesOnlyCompleteReferences(string text, string expected)
    {
        Assert.Equal(expected, FtfyTextFixer.FixText(text));
    }

    [Theory]
    [InlineData("a &amp;amp; b\n<p> &amp;amp;", "a & b\n<p> &amp;amp;")]
    [InlineData("<p>\n&amp;amp;", "<p>\n&amp;amp;")]
    public void FixText_LineWithLessThanSign_StopsEntityDecodingFromThere(string text, string expected)
    {
        Assert.Equal(expected, FtfyTextFixer.FixText(text));
    }

    [Theory]
    [InlineData("\u0149 \uFB03 \u01C4", "'n ffi D\u017D")]
    [InlineData("\uFF2C\uFF2F\uFF35\uFF24\u3000\uFF8C\uFF9F", "LOUD \u30D7")]
    [InlineData("a\r\r\nb\u2028c", "a\n\nb\nc")]
    [InlineData("\u001B[1;31mred\u001B[0m \u001B[!x", "red [!x")]
    [InlineData("a\u0000b\u206Ac\uFFFCd\u007F", "abcd")]
    public void FixText_CharacterFixes_AreApplied(string text, string expected)
    {
        Assert.Equal(expected, FtfyTextFixer.FixText(text));
    }

    [Fact]
    public void FixText_UnpairedSurrogate_BecomesReplacementCharacter()
    {
        string text = "a" + '\uDC00' + "b\uD83D\uDE00" + '\uD800';

        Assert.Equal("a\uFFFDb\uD83D\uDE00\uFFFD", FtfyTextFixer.FixText(text));
    }

    [Fact]
    public void FixText_CleanText_ReturnsSameInstance()
    {
        string text = "a photo of a caf\u00E9 \u732B\nnext line";

        Assert.Same(text, FtfyTextFixer.FixText(text));
    }
}
