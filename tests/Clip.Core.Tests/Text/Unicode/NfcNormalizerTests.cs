using Clip.Core.Text.Unicode;

namespace Clip.Core.Tests.Text.Unicode;

// Expected values come from CPython 3.11's unicodedata.normalize("NFC", ...).
public sealed class NfcNormalizerTests
{
    [Theory]
    [InlineData("cafe\u0301", "caf\u00E9")]
    [InlineData("\u1100\u1161\u11A8", "\uAC01")]
    [InlineData("a\u0323\u0307", "\u1EA1\u0307")]
    [InlineData("a\u0307\u0323", "\u1EA1\u0307")]
    [InlineData("\u212B", "\u00C5")]
    [InlineData("\u0344", "\u0308\u0301")]
    [InlineData("\u0958", "\u0915\u093C")]
    [InlineData("e\u0301\u0301", "\u00E9\u0301")]
    [InlineData("\u1E9B\u0323", "\u1E9B\u0323")]
    public void Normalize_Text_GivesNfc(string text, string expected)
    {
        Assert.Equal(expected, NfcNormalizer.Normalize(text));
    }

    [Theory]
    [InlineData("plain ascii")]
    [InlineData("q\u0301")]
    [InlineData("\u732B\u306E\u5199\u771F \uD83D\uDE00")]
    public void Normalize_AlreadyNfc_ReturnsSameInstance(string text)
    {
        Assert.Same(text, NfcNormalizer.Normalize(text));
    }
}
