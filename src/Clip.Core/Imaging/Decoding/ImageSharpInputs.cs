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
    /// A stream over the input. For a multi-page TIFF, a copy whose first page says no page follows: this library
    /// version refuses pages of different sizes even when asked for the first page only.
    /// </summary>
    public static MemoryStream OpenStream(ReadOnlyMemory<byte> encoded, ImageHeader header)
    {
        if (header.NextPagePointerOffset > 0)
        {
            byte[] copy = encoded.ToArray();
            copy.AsSpan(header.NextPagePointerOffset, 4).Clear();
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
