using System.Buffers.Binary;

namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// Reads a BMP's info header: size (a negative height means top-down rows), bits per pixel, compression and, for
/// indexed files, the palette, which decides the mode the way the reference does (black-and-white palette: 1-bit;
/// identity grey ramp: grey; anything else: palette). Uncompressed pixel data must lie within the file.
/// </summary>
internal static class BmpHeaderReader
{
    private const int FileHeaderLength = 14;
    private const int CoreHeaderLength = 12;
    private const int InfoHeaderLength = 40;
    private const int BitFields = 3;
    private const int AlphaBitFields = 6;

    public static ImageHeader Read(ReadOnlySpan<byte> data)
    {
        int headerLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(data[FileHeaderLength..]);
        if (headerLength != CoreHeaderLength && headerLength is < InfoHeaderLength or > 1024)
        {
            throw Reject.Corrupt($"The BMP has an unknown info header size ({headerLength} bytes).");
        }

        if (data.Length < FileHeaderLength + headerLength)
        {
            throw Reject.Truncated("The BMP is truncated: it ends inside its info header.");
        }

        ReadOnlySpan<byte> info = data.Slice(FileHeaderLength, headerLength);
        bool core = headerLength == CoreHeaderLength;
        long width = core ? ReadUInt16(info[4..]) : BinaryPrimitives.ReadInt32LittleEndian(info[4..]);
        long signedHeight = core ? ReadUInt16(info[6..]) : BinaryPrimitives.ReadInt32LittleEndian(info[8..]);
        int bitsPerPixel = ReadUInt16(info[(core ? 10 : 14)..]);
        int compression = core ? 0 : (int)BinaryPrimitives.ReadUInt32LittleEndian(info[16..]);
        long height = Math.Abs(signedHeight);
        if (width <= 0 || height == 0 || height > int.MaxValue)
        {
            throw Reject.Corrupt($"The BMP declares a size of {width}x{signedHeight}.");
        }

        var header = new ImageHeader(EncodedFormat.Bmp, (int)width, (int)height, SourceMode.Rgb);
        try
        {
            return header with { Mode = ReadMode(data, info, compression, bitsPerPixel, width, height) };
        }
        catch (ImageDecodeException problem)
        {
            return header.WithProblem(problem);
        }
    }

    private static SourceMode ReadMode(
        ReadOnlySpan<byte> data, ReadOnlySpan<byte> info, int compression, int bitsPerPixel, long width, long height)
    {
        bool core = info.Length == CoreHeaderLength;
        CheckCompression(compression, bitsPerPixel);
        SourceMode mode = bitsPerPixel switch
        {
            1 or 4 or 8 => PaletteMode(data, info, core, bitsPerPixel),
            16 or 24 => SourceMode.Rgb,
            32 => HasAlphaMask(data, info.Length, compression) ? SourceMode.Rgba : SourceMode.Rgb,
            _ => throw Reject.Corrupt($"The BMP declares {bitsPerPixel} bits per pixel."),
        };

        if (compression is 0 or BitFields or AlphaBitFields)
        {
            long stride = ((width * bitsPerPixel) + 31) / 32 * 4;
            long dataOffset = BinaryPrimitives.ReadUInt32LittleEndian(data[10..]);
            if (dataOffset + (stride * height) > data.Length)
            {
                throw Reject.Truncated("The BMP is truncated: its pixel data runs past the end of the file.");
            }
        }

        return mode;
    }

    private static void CheckCompression(int compression, int bitsPerPixel)
    {
        switch (compression)
        {
            case 0 or BitFields or AlphaBitFields:
            case 1 when bitsPerPixel == 8:
            case 2 when bitsPerPixel == 4:
                return;
            case 4:
                throw Reject.Unsupported("A BMP that wraps a JPEG stream (BI_JPEG) is not supported.");
            case 5:
                throw Reject.Unsupported("A BMP that wraps a PNG stream (BI_PNG) is not supported.");
            default:
                throw Reject.Corrupt($"The BMP declares compression {compression} for {bitsPerPixel} bits per pixel.");
        }
    }

    private static SourceMode PaletteMode(ReadOnlySpan<byte> data, ReadOnlySpan<byte> info, bool core, int bits)
    {
        int entrySize = core ? 3 : 4;
        long declared = core ? 0 : BinaryPrimitives.ReadUInt32LittleEndian(info[32..]);
        int colours = declared is > 0 and <= 256 ? (int)declared : 1 << bits;
        int start = FileHeaderLength + info.Length;
        if (start + ((long)colours * entrySize) > data.Length)
        {
            throw Reject.Truncated("The BMP is truncated: it ends inside its palette.");
        }

        for (int i = 0; i < colours; i++)
        {
            int expected = colours == 2 ? i * 255 : i;
            ReadOnlySpan<byte> entry = data.Slice(start + (i * entrySize), 3);
            if (entry[0] != expected || entry[1] != expected || entry[2] != expected)
            {
                return SourceMode.Palette;
            }
        }

        return colours == 2 ? SourceMode.Bilevel : SourceMode.Gray;
    }

    private static int ReadUInt16(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadUInt16LittleEndian(bytes);

    private static bool HasAlphaMask(ReadOnlySpan<byte> data, int headerLength, int compression)
    {
        // The alpha mask is the fourth mask: inside V3 and later headers, or after a 40-byte header with
        // BI_ALPHABITFIELDS; a 40-byte header with BI_BITFIELDS carries only three masks.
        bool hasFourMasks = compression == AlphaBitFields || (compression == BitFields && headerLength >= 56);
        int offset = FileHeaderLength + InfoHeaderLength + 12;
        return hasFourMasks && offset + 4 <= data.Length
            && BinaryPrimitives.ReadUInt32LittleEndian(data[offset..]) != 0;
    }
}
