using System.Runtime.InteropServices;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata;
using LibraryDecoder = SixLabors.ImageSharp.Formats.IImageDecoder;

namespace Clip.Core.Imaging.Decoding;

/// <summary>Preparing input for ImageSharp and turning its exceptions into decode errors.</summary>
internal static class ImageSharpInputs
{
    private const byte RgbPhotometric = 2;

    /// <summary>The format's decoder, told to skip metadata so that no text or profile chunk is inflated.</summary>
    public static LibraryDecoder DecoderFor(EncodedFormat format) => format switch
    {
        EncodedFormat.Jpeg => new JpegDecoder { IgnoreMetadata = true },
        EncodedFormat.Png => new PngDecoder { IgnoreMetadata = true },
        EncodedFormat.Gif => new GifDecoder { IgnoreMetadata = true, DecodingMode = FrameDecodingMode.First },
        EncodedFormat.Bmp => new BmpDecoder(),
        EncodedFormat.Webp => new WebpDecoder { IgnoreMetadata = true },
        EncodedFormat.Tiff => new TiffDecoder { IgnoreMetadata = true, DecodingMode = FrameDecodingMode.First },
        _ => throw Reject.Unsupported($"ImageSharp does not read {FormatSniffer.Describe(format)}."),
    };

    /// <summary>
    /// A stream over the input. An 8-bit CMYK TIFF page is first relabelled (in a copy) as RGB with four samples,
    /// which this library version decodes as RGBA: the raw C, M, Y, K samples then arrive untouched in R, G, B, A
    /// (it has no CMYK support of its own).
    /// </summary>
    public static MemoryStream OpenStream(ReadOnlyMemory<byte> encoded, ImageHeader header)
    {
        if (header.CmykPhotometricOffset > 0)
        {
            byte[] copy = encoded.ToArray();

            // A SHORT value sits in the first two bytes of the field, in the file's byte order.
            bool littleEndian = copy[0] == (byte)'I';
            copy[header.CmykPhotometricOffset] = littleEndian ? RgbPhotometric : (byte)0;
            copy[header.CmykPhotometricOffset + 1] = littleEndian ? (byte)0 : RgbPhotometric;
            return new MemoryStream(copy, writable: false);
        }

        return MemoryMarshal.TryGetArray(encoded, out ArraySegment<byte> segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(encoded.ToArray(), writable: false);
    }

    public static ImageDecodeException Failure(Exception error, DecodeJob job)
    {
        string format = job.FormatName;
        return error switch
        {
            InvalidImageContentException => new ImageDecodeException(
                ImageDecodeError.Corrupt, $"The {format} contains invalid data ({error.Message}).", error),
            NotSupportedException or UnknownImageFormatException => new ImageDecodeException(
                ImageDecodeError.Unsupported, $"ImageSharp cannot decode this {format} ({error.Message}).", error),
            OutOfMemoryException => new ImageDecodeException(
                ImageDecodeError.TooLarge, $"Decoding this {format} ran out of memory.", error),
            _ => new ImageDecodeException(
                ImageDecodeError.Corrupt,
                $"ImageSharp failed on this {format} ({error.GetType().Name}: {error.Message}).",
                error),
        };
    }
}
