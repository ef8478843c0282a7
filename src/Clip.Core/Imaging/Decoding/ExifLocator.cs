using System.Buffers.Binary;

namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// Finds the EXIF data (a TIFF structure) inside a JPEG APP1 segment, a PNG eXIf chunk or a WebP EXIF chunk; a TIFF
/// file is its own EXIF structure. When a file holds several EXIF blocks the first valid one wins, as in libexif,
/// Pillow and browsers. Every walk advances through the file and stops at its end, so it is bounded by the file size.
/// </summary>
internal static class ExifLocator
{
    private static ReadOnlySpan<byte> ExifPrefix => "Exif\0\0"u8;

    /// <summary>The TIFF-structured EXIF block of <paramref name="data"/>, or an empty span if there is none.</summary>
    public static ReadOnlySpan<byte> Find(ReadOnlySpan<byte> data, EncodedFormat format) => format switch
    {
        EncodedFormat.Jpeg => FindInJpeg(data),
        EncodedFormat.Png => FindInPng(data),
        EncodedFormat.Webp => FindInWebp(data),
        EncodedFormat.Tiff => data,
        _ => default,
    };

    private static ReadOnlySpan<byte> FindInJpeg(ReadOnlySpan<byte> data)
    {
        var segments = new JpegSegmentReader(data);
        while (segments.MoveNext(out byte marker, out ReadOnlySpan<byte> payload) && marker is not (0xDA or 0xD9))
        {
            if (marker == 0xE1 && payload.StartsWith(ExifPrefix) && IsTiff(payload[ExifPrefix.Length..]))
            {
                return payload[ExifPrefix.Length..];
            }
        }

        return default;
    }

    private static ReadOnlySpan<byte> FindInPng(ReadOnlySpan<byte> data)
    {
        int position = 8;
        while (position + 12 <= data.Length)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(data[position..]);
            ReadOnlySpan<byte> type = data.Slice(position + 4, 4);
            if (length > data.Length - position - 12L || type.SequenceEqual("IEND"u8))
            {
                return default;
            }

            ReadOnlySpan<byte> body = data.Slice(position + 8, (int)length);
            if (type.SequenceEqual("eXIf"u8) && IsTiff(WithoutPrefix(body)))
            {
                return WithoutPrefix(body);
            }

            position += 12 + (int)length;
        }

        return default;
    }

    private static ReadOnlySpan<byte> FindInWebp(ReadOnlySpan<byte> data)
    {
        int position = 12;
        while (position + 8 <= data.Length)
        {
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(data[(position + 4)..]);
            if (length > data.Length - position - 8L)
            {
                return default;
            }

            ReadOnlySpan<byte> body = data.Slice(position + 8, (int)length);
            if (data.Slice(position, 4).SequenceEqual("EXIF"u8) && IsTiff(WithoutPrefix(body)))
            {
                return WithoutPrefix(body);
            }

            // RIFF chunks are padded to an even length.
            position += 8 + (int)length + (int)(length & 1);
        }

        return default;
    }

    // Some writers keep the JPEG-style "Exif\0\0" prefix in PNG and WebP chunks too.
    private static ReadOnlySpan<byte> WithoutPrefix(ReadOnlySpan<byte> body) =>
        body.StartsWith(ExifPrefix) ? body[ExifPrefix.Length..] : body;

    private static bool IsTiff(ReadOnlySpan<byte> block) => TiffReader.TryOpen(block, out _, out _);
}
