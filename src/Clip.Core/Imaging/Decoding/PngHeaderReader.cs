using System.Buffers.Binary;

namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// Reads a PNG's IHDR and walks its chunk list (each step moves at least 12 bytes, so the walk is bounded by the file
/// size). Rejects invalid size, depth or colour type combinations, chunk lengths beyond the file, and files with no
/// image data. A file whose IDAT data ends cleanly without IEND is left for the library to judge.
/// </summary>
internal static class PngHeaderReader
{
    private const int SignatureLength = 8;
    private const int ChunkOverhead = 12;
    private const uint MaxChunkLength = int.MaxValue;

    public static ImageHeader Read(ReadOnlySpan<byte> data)
    {
        if (data.Length < SignatureLength + ChunkOverhead + 13)
        {
            throw Reject.Truncated("The PNG ends inside its header (IHDR chunk).");
        }

        ReadOnlySpan<byte> ihdr = data.Slice(SignatureLength + 8, 13);
        if (BinaryPrimitives.ReadUInt32BigEndian(data[SignatureLength..]) != 13
            || !data.Slice(SignatureLength + 4, 4).SequenceEqual("IHDR"u8))
        {
            throw Reject.Corrupt("The PNG does not start with a valid header (IHDR chunk).");
        }

        uint width = BinaryPrimitives.ReadUInt32BigEndian(ihdr);
        uint height = BinaryPrimitives.ReadUInt32BigEndian(ihdr[4..]);
        int depth = ihdr[8];
        int colourType = ihdr[9];
        if (width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue)
        {
            throw Reject.Corrupt($"The PNG declares a size of {width}x{height}.");
        }

        SourceMode mode = ModeOf(colourType, depth) ?? throw Reject.Corrupt(
            $"The PNG declares bit depth {depth} for colour type {colourType}, a combination PNG does not allow.");
        if (ihdr[10] != 0 || ihdr[11] != 0 || ihdr[12] > 1)
        {
            throw Reject.Corrupt("The PNG declares an unknown compression, filter or interlace method.");
        }

        return new ImageHeader(EncodedFormat.Png, (int)width, (int)height, mode)
        {
            BitsPerSample = depth == 16 ? 16 : 8,
            DataProblem = CheckChunks(data),
        };
    }

    private static SourceMode? ModeOf(int colourType, int depth) => (colourType, depth) switch
    {
        (0, 1) => SourceMode.Bilevel,
        (0, 2 or 4 or 8) => SourceMode.Gray,
        (0, 16) => SourceMode.Gray16,
        (2, 8 or 16) => SourceMode.Rgb,
        (3, 1 or 2 or 4 or 8) => SourceMode.Palette,
        (4, 8 or 16) => SourceMode.GrayAlpha,
        (6, 8 or 16) => SourceMode.Rgba,
        _ => null,
    };

    private static ImageDecodeException? CheckChunks(ReadOnlySpan<byte> data)
    {
        int position = SignatureLength;
        bool sawImageData = false;
        while (position + 8 <= data.Length)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(data[position..]);
            ReadOnlySpan<byte> type = data.Slice(position + 4, 4);
            if (length > MaxChunkLength)
            {
                return Reject.Corrupt($"A PNG chunk declares a length of {length} bytes, more than PNG allows.");
            }

            if (type.SequenceEqual("IEND"u8))
            {
                break;
            }

            if (position + ChunkOverhead + (long)length > data.Length)
            {
                return Reject.Truncated(sawImageData || type.SequenceEqual("IDAT"u8)
                    ? "The PNG is truncated: it ends inside its image data."
                    : "The PNG is truncated: it ends inside a chunk before its image data.");
            }

            sawImageData |= type.SequenceEqual("IDAT"u8);
            position += ChunkOverhead + (int)length;
        }

        if (sawImageData)
        {
            return null;
        }

        return position + 8 <= data.Length
            ? Reject.Corrupt("The PNG has no image data (no IDAT chunk).")
            : Reject.Truncated("The PNG is truncated: it ends before its image data.");
    }
}
