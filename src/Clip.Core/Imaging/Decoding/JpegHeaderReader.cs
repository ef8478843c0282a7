using System.Buffers.Binary;

namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// Reads a JPEG's frame header (SOFn) and checks the structure up to the first scan: a frame header before the scan,
/// non-zero dimensions, a supported coding process, and an end-of-image marker after the scan data. The last check
/// makes truncated files fail the same way with every library (one of them silently fills the missing part).
/// </summary>
internal static class JpegHeaderReader
{
    private const byte StartOfScan = 0xDA;
    private const byte EndOfImage = 0xD9;

    private static ReadOnlySpan<byte> EndOfImageMarker => [0xFF, EndOfImage];

    public static ImageHeader Read(ReadOnlySpan<byte> data)
    {
        var segments = new JpegSegmentReader(data);
        ImageHeader? frame = null;
        while (segments.MoveNext(out byte marker, out ReadOnlySpan<byte> payload))
        {
            if (IsStartOfFrame(marker))
            {
                frame ??= ReadFrame(marker, payload);
            }
            else if (marker == EndOfImage)
            {
                return frame?.WithProblem(
                    Reject.Corrupt("The JPEG has no image data: it ends (EOI) before any scan (SOS segment)."))
                    ?? throw Reject.Corrupt("The JPEG has no frame header (SOF segment).");
            }
            else if (marker == StartOfScan)
            {
                if (frame is null)
                {
                    throw Reject.Corrupt("The JPEG has no frame header (SOF segment) before its image data.");
                }

                return data[segments.Position..].IndexOf(EndOfImageMarker) >= 0
                    ? frame
                    : frame.WithProblem(Reject.Truncated(
                        "The JPEG is truncated: its image data ends without an end-of-image marker."));
            }
        }

        return frame?.WithProblem(
            segments.Problem ?? Reject.Truncated("The JPEG ends before its image data (SOS segment)."))
            ?? throw segments.Problem ?? Reject.Truncated("The JPEG ends before its frame header (SOF segment).");
    }

    // SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    private static bool IsStartOfFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);

    private static ImageHeader ReadFrame(byte marker, ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 6)
        {
            throw Reject.Corrupt("The JPEG frame header (SOF segment) is too short.");
        }

        int precision = payload[0];
        int height = BinaryPrimitives.ReadUInt16BigEndian(payload[1..]);
        int width = BinaryPrimitives.ReadUInt16BigEndian(payload[3..]);
        int components = payload[5];
        if (width == 0 || height == 0)
        {
            throw Reject.Corrupt($"The JPEG declares a size of {width}x{height}.");
        }

        if (payload.Length < 6 + (3 * components))
        {
            throw Reject.Corrupt("The JPEG frame header (SOF segment) is shorter than its component list.");
        }

        int process = marker - 0xC0;
        if (process is 3 or 7 or 11 or 15)
        {
            throw Reject.Unsupported($"Lossless JPEG (SOF{process}) is not supported.");
        }

        if (process is 5 or 6 or 13 or 14)
        {
            throw Reject.Unsupported($"Hierarchical JPEG (SOF{process}) is not supported.");
        }

        if (precision is not (8 or 12))
        {
            throw Reject.Unsupported($"A JPEG with {precision}-bit samples is not supported.");
        }

        SourceMode mode = components switch
        {
            1 => SourceMode.Gray,
            3 => SourceMode.Rgb,
            4 => SourceMode.Cmyk,
            _ => throw Reject.Unsupported($"A JPEG with {components} colour components is not supported."),
        };

        return new ImageHeader(EncodedFormat.Jpeg, width, height, mode)
        {
            BitsPerSample = precision,
            IsArithmeticCoded = process >= 9,
        };
    }
}
