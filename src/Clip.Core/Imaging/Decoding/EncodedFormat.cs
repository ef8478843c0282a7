namespace Clip.Core.Imaging.Decoding;

/// <summary>What the first bytes of an input say it is.</summary>
internal enum EncodedFormat
{
    Unknown,
    Jpeg,
    Png,
    Gif,
    Bmp,
    Webp,
    Tiff,
    Ico,
    Heif,
    Avif,
    JpegXl,
    Jpeg2000,
    Psd,
    Svg,
    Html,
    Xml,
    Pdf,
    Text,
}
