using System.Buffers.Binary;

namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// Reads a WebP's first chunk: VP8 (lossy, no alpha), VP8L (lossless, with an alpha hint bit) or VP8X (extended, with
/// alpha and animation flags and the canvas size). The mode is RGBA when the file says it carries alpha, like the
/// reference; the RIFF size must not run past the end of the file.
/// </summary>
internal static class WebpHeaderReader
{
    private const int RiffHeaderLength = 12;
    private const int ChunkHeaderLength = 8;

    public static ImageHeader Read(ReadOnlySpan<byte> data)
    {
        if (data.Length < RiffHeaderLength + ChunkHeaderLength)
        {
            throw Reject.Truncated("The WebP is truncated: it ends before its first chunk.");
        }

        ReadOnlySpan<byte> fourCc = data.Slice(RiffHeaderLength, 4);
        uint chunkLength = BinaryPrimitives.ReadUInt32LittleEndian(data[(RiffHeaderLength + 4)..]);
        int start = RiffHeaderLength + ChunkHeaderLength;
        ReadOnlySpan<byte> chunk = data.Slice(start, (int)Math.Min(chunkLength, (uint)(data.Length - start)));
        ImageHeader header = fourCc switch
        {
            _ when fourCc.SequenceEqual("VP8 "u8) => ReadLossy(chunk),
            _ when fourCc.SequenceEqual("VP8L"u8) => ReadLossless(chunk),
            _ when fourCc.SequenceEqual("VP8X"u8) => ReadExtended(chunk),
            _ => throw Reject.Corrupt("The WebP's first chunk is not VP8, VP8L or VP8X."),
        };

        if (header.Width == 0 || header.Height == 0)
        {
            throw Reject.Corrupt($"The WebP declares a size of {header.Width}x{header.Height}.");
        }

        long riffEnd = 8 + (long)BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        return riffEnd <= data.Length
            ? header
            : header.WithProblem(Reject.Truncated("The WebP is truncated: it is shorter than its RIFF size says."));
    }

    private static ImageHeader ReadLossy(ReadOnlySpan<byte> chunk)
    {
        // 3-byte frame tag, then the key-frame start code 9D 01 2A and two 14-bit sizes.
        if (chunk.Length < 10 || chunk[3] != 0x9D || chunk[4] != 0x01 || chunk[5] != 0x2A)
        {
            throw Reject.Corrupt("The WebP's lossy (VP8) frame header is invalid.");
        }

        int width = BinaryPrimitives.ReadUInt16LittleEndian(chunk[6..]) & 0x3FFF;
        int height = BinaryPrimitives.ReadUInt16LittleEndian(chunk[8..]) & 0x3FFF;
        return new ImageHeader(EncodedFormat.Webp, width, height, SourceMode.Rgb);
    }

    private static ImageHeader ReadLossless(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length < 5 || chunk[0] != 0x2F)
        {
            throw Reject.Corrupt("The WebP's lossless (VP8L) header is invalid.");
        }

        uint bits = BinaryPrimitives.ReadUInt32LittleEndian(chunk[1..]);
        int width = (int)(bits & 0x3FFF) + 1;
        int height = (int)((bits >> 14) & 0x3FFF) + 1;
        bool alpha = ((bits >> 28) & 1) != 0;
        return new ImageHeader(EncodedFormat.Webp, width, height, alpha ? SourceMode.Rgba : SourceMode.Rgb);
    }

    private static ImageHeader ReadExtended(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length < 10)
        {
            throw Reject.Corrupt("The WebP's extended (VP8X) header is too short.");
        }

        byte flags = chunk[0];
        int width = ReadUInt24(chunk[4..]) + 1;
        int height = ReadUInt24(chunk[7..]) + 1;
        SourceMode mode = (flags & 0x10) != 0 ? SourceMode.Rgba : SourceMode.Rgb;
        return new ImageHeader(EncodedFormat.Webp, width, height, mode) { IsAnimated = (flags & 0x02) != 0 };
    }

    private static int ReadUInt24(ReadOnlySpan<byte> bytes) => bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);
}
