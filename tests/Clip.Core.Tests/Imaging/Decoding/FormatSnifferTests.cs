using System.Text;
using Clip.Core.Imaging.Decoding;

namespace Clip.Core.Tests.Imaging.Decoding;

/// <summary>Formats are recognised from their first bytes only.</summary>
public sealed class FormatSnifferTests
{
    [Theory]
    [InlineData("FF D8 FF E0", "Jpeg")]
    [InlineData("FF D8", "Jpeg")]
    [InlineData("89 50 4E 47 0D 0A 1A 0A", "Png")]
    [InlineData("47 49 46 38 39 61", "Gif")]
    [InlineData("47 49 46 38 37 61", "Gif")]
    [InlineData("52 49 46 46 00 00 00 00 57 45 42 50", "Webp")]
    [InlineData("52 49 46 46 00 00 00 00 57 41 56 45", "Unknown")]
    [InlineData("49 49 2A 00", "Tiff")]
    [InlineData("4D 4D 00 2A", "Tiff")]
    [InlineData("00 00 01 00 01 00", "Ico")]
    [InlineData("00 00 00 18 66 74 79 70 68 65 69 63 00 00 00 00 6D 69 66 31", "Heif")]
    [InlineData("00 00 00 20 66 74 79 70 61 76 69 66 00 00 00 00 61 76 69 66 6D 69 66 31", "Avif")]
    [InlineData("00 00 00 18 66 74 79 70 69 73 6F 6D 00 00 00 00 69 73 6F 6D", "Unknown")]
    [InlineData("FF 0A 7F 40", "JpegXl")]
    [InlineData("38 42 50 53", "Psd")]
    [InlineData("25 50 44 46 2D 31 2E 37", "Pdf")]
    [InlineData("00 01 02 03 04 05 06 07", "Unknown")]
    public void Sniff_MagicBytes_GiveFormat(string hex, string format)
    {
        byte[] bytes = Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

        Assert.Equal(Enum.Parse<EncodedFormat>(format), FormatSniffer.Sniff(bytes));
    }

    [Theory]
    [InlineData("<svg xmlns='http://www.w3.org/2000/svg'/>", "Svg")]
    [InlineData("<?xml version='1.0'?>\n<!DOCTYPE svg [<!ENTITY a 'b'>]>\n<svg>&a;</svg>", "Svg")]
    [InlineData("\uFEFF  <!DOCTYPE HTML><title>x</title>", "Html")]
    [InlineData("<html><body>Forbidden</body></html>", "Html")]
    [InlineData("<?xml version='1.0'?><Error><Code>NoSuchKey</Code></Error>", "Xml")]
    [InlineData("Not found\n", "Text")]
    [InlineData("{\"error\": \"expired\"}", "Text")]
    public void Sniff_TextDocuments_AreTold(string text, string format)
    {
        Assert.Equal(Enum.Parse<EncodedFormat>(format), FormatSniffer.Sniff(Encoding.UTF8.GetBytes(text)));
    }
}
