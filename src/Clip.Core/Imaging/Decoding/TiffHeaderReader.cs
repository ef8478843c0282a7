namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// Reads the first directory (page) of a TIFF: size, samples, photometric interpretation, and whether its strips or
/// tiles lie inside the file. Later pages are never examined (decoders are asked for the first page only).
/// </summary>
internal static class TiffHeaderReader
{
    private const ushort ImageWidth = 256;
    private const ushort ImageLength = 257;
    private const ushort BitsPerSample = 258;
    private const ushort Photometric = 262;
    private const ushort StripOffsets = 273;
    private const ushort SamplesPerPixel = 277;
    private const ushort StripByteCounts = 279;
    private const ushort TileOffsets = 324;
    private const ushort TileByteCounts = 325;

    public static ImageHeader Read(ReadOnlySpan<byte> data)
    {
        if (!TiffReader.TryOpen(data, out TiffReader tiff, out uint directory) || directory < 8)
        {
            throw Reject.Corrupt("The TIFF header points to an invalid first directory.");
        }

        if (!tiff.TryReadDirectory(directory, out int entries) || entries == 0)
        {
            throw Reject.Truncated("The TIFF is truncated: its first directory lies outside the file.");
        }

        uint width = Value(tiff, directory, entries, ImageWidth);
        uint height = Value(tiff, directory, entries, ImageLength);
        if (width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue)
        {
            throw Reject.Corrupt($"The TIFF declares a size of {width}x{height}.");
        }

        int bits = (int)Value(tiff, directory, entries, BitsPerSample, fallback: 1);
        int samples = (int)Value(tiff, directory, entries, SamplesPerPixel, fallback: 1);
        uint photometric = Value(tiff, directory, entries, Photometric, fallback: uint.MaxValue);
        var header = new ImageHeader(EncodedFormat.Tiff, (int)width, (int)height, SourceMode.Rgb)
        {
            BitsPerSample = bits,
            CmykPhotometricOffset = photometric == 5 && bits == 8 && samples == 4
                ? (int)TiffReader.ValueOffset(directory, Find(tiff, directory, entries, Photometric))
                : 0,
        };

        try
        {
            CheckDataInside(tiff, directory, entries, data.Length, StripOffsets, StripByteCounts);
            CheckDataInside(tiff, directory, entries, data.Length, TileOffsets, TileByteCounts);
            return header with { Mode = ModeOf(photometric, bits, samples) };
        }
        catch (ImageDecodeException problem)
        {
            return header.WithProblem(problem);
        }
    }

    private static SourceMode ModeOf(uint photometric, int bits, int samples) => photometric switch
    {
        0 or 1 when bits == 1 => SourceMode.Bilevel,
        0 or 1 when samples >= 2 => SourceMode.GrayAlpha,
        0 or 1 when bits == 16 => SourceMode.Gray16,
        0 or 1 when bits <= 8 => SourceMode.Gray,
        2 when samples >= 4 => SourceMode.Rgba,
        2 or 6 => SourceMode.Rgb,
        3 => SourceMode.Palette,
        5 => SourceMode.Cmyk,
        _ => throw Reject.Unsupported($"A TIFF with photometric interpretation {photometric} is not supported."),
    };

    private static uint Value(TiffReader tiff, uint directory, int entries, ushort tag, uint fallback = 0)
    {
        int index = Find(tiff, directory, entries, tag);
        return index >= 0 && tiff.TryReadValue(directory, index, 0, out uint value) ? value : fallback;
    }

    private static int Find(TiffReader tiff, uint directory, int entries, ushort tag)
    {
        for (int i = 0; i < entries; i++)
        {
            if (tiff.Entry(directory, i).Tag == tag)
            {
                return i;
            }
        }

        return -1;
    }

    private static void CheckDataInside(
        TiffReader tiff, uint directory, int entries, int length, ushort offsetsTag, ushort countsTag)
    {
        int offsets = Find(tiff, directory, entries, offsetsTag);
        int counts = Find(tiff, directory, entries, countsTag);
        if (offsets < 0 || counts < 0)
        {
            return;
        }

        uint pieces = tiff.Entry(directory, offsets).Count;
        for (uint i = 0; i < pieces; i++)
        {
            if (!tiff.TryReadValue(directory, offsets, i, out uint offset)
                || !tiff.TryReadValue(directory, counts, i, out uint count)
                || (long)offset + count > length)
            {
                throw Reject.Truncated("The TIFF is truncated: its image data runs past the end of the file.");
            }
        }
    }
}
