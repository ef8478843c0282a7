using System.Buffers.Binary;

namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// Cuts the first frame out of an animated WebP (its first ANMF chunk) as a still WebP, for decoders that refuse
/// animations, and says where on the canvas it goes. The first frame of an animation starts from a transparent
/// canvas, so placing it on a cleared canvas reproduces what an animation decoder shows.
/// </summary>
internal static class WebpFirstFrame
{
    private const int FrameHeaderLength = 16;

    /// <summary>The frame as a still WebP file, its offset on the canvas, and the canvas size.</summary>
    public sealed record Frame(byte[] Still, int Left, int Top, int CanvasWidth, int CanvasHeight);

    public static Frame Extract(ReadOnlySpan<byte> data, ImageHeader header)
    {
        int position = 12;
        while (position + 8 <= data.Length)
        {
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(data[(position + 4)..]);
            if (length > data.Length - position - 8L)
            {
                break;
            }

            if (data.Slice(position, 4).SequenceEqual("ANMF"u8) && length >= FrameHeaderLength)
            {
                return FromFrameChunk(data.Slice(position + 8, (int)length), header);
            }

            position += 8 + (int)length + (int)(length & 1);
        }

        throw Reject.Corrupt("The animated WebP has no complete frame (ANMF chunk).");
    }

    private static Frame FromFrameChunk(ReadOnlySpan<byte> frame, ImageHeader header)
    {
        int left = ReadUInt24(frame) * 2;
        int top = ReadUInt24(frame[3..]) * 2;
        int width = ReadUInt24(frame[6..]) + 1;
        int height = ReadUInt24(frame[9..]) + 1;
        if (left + width > header.Width || top + height > header.Height)
        {
            throw Reject.Corrupt("The animated WebP's first frame extends beyond its canvas.");
        }

        ReadOnlySpan<byte> chunks = frame[FrameHeaderLength..];
        bool hasAlpha = chunks.Length >= 4 && chunks[..4].SequenceEqual("ALPH"u8);
        byte[] still = new byte[12 + (hasAlpha ? 18 : 0) + chunks.Length];
        Span<byte> output = still;
        "RIFF"u8.CopyTo(output);
        BinaryPrimitives.WriteUInt32LittleEndian(output[4..], (uint)(still.Length - 8));
        "WEBP"u8.CopyTo(output[8..]);
        if (hasAlpha)
        {
            // A lossy frame with an ALPH chunk needs a VP8X header that announces the alpha.
            "VP8X"u8.CopyTo(output[12..]);
            BinaryPrimitives.WriteUInt32LittleEndian(output[16..], 10);
            output[20] = 0x10;
            WriteUInt24(output[24..], width - 1);
            WriteUInt24(output[27..], height - 1);
        }

        chunks.CopyTo(output[(still.Length - chunks.Length)..]);
        return new Frame(still, left, top, header.Width, header.Height);
    }

    private static int ReadUInt24(ReadOnlySpan<byte> bytes) => bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);

    private static void WriteUInt24(Span<byte> bytes, int value)
    {
        bytes[0] = (byte)value;
        bytes[1] = (byte)(value >> 8);
        bytes[2] = (byte)(value >> 16);
    }
}
