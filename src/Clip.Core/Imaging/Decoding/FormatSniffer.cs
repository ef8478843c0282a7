using System.Buffers.Binary;

namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// Recognises a format from magic bytes only, so that a file's name can never route it to the wrong parser. Text
/// formats are recognised by searching bytes, without any XML parsing (so no entity is ever expanded).
/// </summary>
internal static class FormatSniffer
{
    private const int TextProbeLength = 1024;

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JxlContainer => [0, 0, 0, 0x0C, (byte)'J', (byte)'X', (byte)'L', (byte)' '];

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> Jp2Container => [0, 0, 0, 0x0C, (byte)'j', (byte)'P', (byte)' ', (byte)' '];

    /// <summary>The format of <paramref name="data"/>, or <see cref="EncodedFormat.Unknown"/>.</summary>
    public static EncodedFormat Sniff(ReadOnlySpan<byte> data) => data switch
    {
        [0xFF, 0xD8, 0xFF, ..] or [0xFF, 0xD8] => EncodedFormat.Jpeg,
        _ when data.StartsWith(PngSignature) => EncodedFormat.Png,
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'7' or (byte)'9', (byte)'a', ..] => EncodedFormat.Gif,
        [(byte)'B', (byte)'M', ..] when data.Length >= 18 => EncodedFormat.Bmp,
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..]
            => EncodedFormat.Webp,
        [(byte)'I', (byte)'I', 42, 0, ..] or [(byte)'M', (byte)'M', 0, 42, ..] => EncodedFormat.Tiff,
        [0, 0, 1, 0, _, _, ..] => EncodedFormat.Ico,
        [0xFF, 0x0A, ..] => EncodedFormat.JpegXl,
        _ when data.StartsWith(JxlContainer) => EncodedFormat.JpegXl,
        _ when data.StartsWith(Jp2Container) => EncodedFormat.Jpeg2000,
        [0xFF, 0x4F, 0xFF, 0x51, ..] => EncodedFormat.Jpeg2000,
        [(byte)'8', (byte)'B', (byte)'P', (byte)'S', ..] => EncodedFormat.Psd,
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', ..] => EncodedFormat.Pdf,
        [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', ..] => SniffIsoMedia(data),
        _ => SniffText(data),
    };

    /// <summary>A phrase naming the format for error messages, such as "an HTML page".</summary>
    public static string Describe(EncodedFormat format) => format switch
    {
        EncodedFormat.Jpeg => "a JPEG image",
        EncodedFormat.Png => "a PNG image",
        EncodedFormat.Gif => "a GIF image",
        EncodedFormat.Bmp => "a BMP image",
        EncodedFormat.Webp => "a WebP image",
        EncodedFormat.Tiff => "a TIFF image",
        EncodedFormat.Ico => "an ICO icon",
        EncodedFormat.Heif => "a HEIF/HEIC image",
        EncodedFormat.Avif => "an AVIF image",
        EncodedFormat.JpegXl => "a JPEG XL image",
        EncodedFormat.Jpeg2000 => "a JPEG 2000 image",
        EncodedFormat.Psd => "a Photoshop document",
        EncodedFormat.Svg => "an SVG vector drawing",
        EncodedFormat.Html => "an HTML page",
        EncodedFormat.Xml => "an XML document",
        EncodedFormat.Pdf => "a PDF document",
        EncodedFormat.Text => "plain text",
        _ => "unrecognised binary data",
    };

    /// <summary>The format's usual short name, such as "JPEG" or "WebP".</summary>
    public static string ShortName(EncodedFormat format) => format switch
    {
        EncodedFormat.Webp => "WebP",
        EncodedFormat.JpegXl => "JPEG XL",
        EncodedFormat.Jpeg2000 => "JPEG 2000",
        _ => format.ToString().ToUpperInvariant(),
    };

    /// <summary>True for formats that hold pictures (even if no decoder here reads them).</summary>
    public static bool IsImage(EncodedFormat format) => format is not (EncodedFormat.Unknown or EncodedFormat.Html
        or EncodedFormat.Xml or EncodedFormat.Pdf or EncodedFormat.Text);

    private static EncodedFormat SniffIsoMedia(ReadOnlySpan<byte> data)
    {
        // The ftyp box lists a major brand and compatible brands; AVIF files also list mif1, so look for avif first.
        uint boxSize = BinaryPrimitives.ReadUInt32BigEndian(data);
        ReadOnlySpan<byte> brands = data[8..(int)Math.Clamp(boxSize, 8u, (uint)Math.Min(data.Length, 256))];
        if (brands.IndexOf("avif"u8) >= 0 || brands.IndexOf("avis"u8) >= 0)
        {
            return EncodedFormat.Avif;
        }

        bool heif = brands.IndexOf("heic"u8) >= 0 || brands.IndexOf("heix"u8) >= 0 || brands.IndexOf("hevc"u8) >= 0
            || brands.IndexOf("mif1"u8) >= 0 || brands.IndexOf("msf1"u8) >= 0;
        return heif ? EncodedFormat.Heif : EncodedFormat.Unknown;
    }

    private static EncodedFormat SniffText(ReadOnlySpan<byte> data)
    {
        ReadOnlySpan<byte> probe = data[..Math.Min(data.Length, TextProbeLength)];
        if (probe.StartsWith(Utf8ByteOrderMark))
        {
            probe = probe[3..];
        }

        ReadOnlySpan<byte> start = probe.TrimStart(" \t\r\n"u8);
        if (start.IsEmpty || !IsMostlyText(probe))
        {
            return EncodedFormat.Unknown;
        }

        if (ContainsIgnoreCase(start, "<svg"u8))
        {
            return EncodedFormat.Svg;
        }

        if (StartsWithIgnoreCase(start, "<!doctype html"u8) || ContainsIgnoreCase(start, "<html"u8))
        {
            return EncodedFormat.Html;
        }

        return start[0] == (byte)'<' ? EncodedFormat.Xml : EncodedFormat.Text;
    }

    private static bool IsMostlyText(ReadOnlySpan<byte> probe)
    {
        int binary = 0;
        foreach (byte b in probe)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C))
            {
                binary++;
            }
        }

        // Bytes >= 0x80 are allowed (UTF-8); control characters are not, bar a stray one.
        return binary * 100 <= probe.Length;
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerPrefix) =>
        text.Length >= lowerPrefix.Length && ContainsIgnoreCase(text[..lowerPrefix.Length], lowerPrefix);

    private static bool ContainsIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerNeedle)
    {
        for (int i = 0; i + lowerNeedle.Length <= text.Length; i++)
        {
            int j = 0;
            while (j < lowerNeedle.Length && (text[i + j] | 0x20) == (lowerNeedle[j] | 0x20))
            {
                j++;
            }

            if (j == lowerNeedle.Length)
            {
                return true;
            }
        }

        return false;
    }
}
