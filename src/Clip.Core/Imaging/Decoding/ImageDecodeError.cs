namespace Clip.Core.Imaging.Decoding;

/// <summary>Why an encoded image could not be decoded. Each value is a permanent, per-file outcome.</summary>
public enum ImageDecodeError
{
    /// <summary>The input holds no bytes at all.</summary>
    Empty,

    /// <summary>The bytes are not an image: a web page, an XML or PDF document, text, or unrecognised data.</summary>
    NotAnImage,

    /// <summary>An image in a format or coding this decoder does not read (HEIC, AVIF, SVG, 12-bit JPEG...).</summary>
    Unsupported,

    /// <summary>The file is damaged: invalid headers, impossible sizes, bad compressed data.</summary>
    Corrupt,

    /// <summary>The file ends before its image data does.</summary>
    Truncated,

    /// <summary>The file or the image it declares exceeds a configured limit (bytes, pixels or side length).</summary>
    TooLarge,

    /// <summary>Decoding did not finish within the configured time.</summary>
    Timeout,
}
