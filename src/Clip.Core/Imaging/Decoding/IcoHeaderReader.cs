using System.Buffers.Binary;

namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// Reads an ICO directory and reports its largest entry, the one a decoder shows. Entry sizes are at most 256; an
/// embedded PNG may declare more, which the library's own header check then catches.
/// </summary>
internal static class IcoHeaderReader
{
    private const int DirectoryHeaderLength = 6;
    private const int EntryLength = 16;

    public static ImageHeader Read(ReadOnlySpan<byte> data)
    {
        int count = BinaryPrimitives.ReadUInt16LittleEndian(data[4..]);
        if (count == 0)
        {
            throw Reject.Corrupt("The ICO holds no images.");
        }

        if (DirectoryHeaderLength + (count * EntryLength) > data.Length)
        {
            throw Reject.Truncated("The ICO is truncated: it ends inside its directory.");
        }

        int width = 0;
        int height = 0;
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> entry = data.Slice(DirectoryHeaderLength + (i * EntryLength), EntryLength);
            int entryWidth = entry[0] == 0 ? 256 : entry[0];
            int entryHeight = entry[1] == 0 ? 256 : entry[1];
            if (entryWidth * entryHeight > width * height)
            {
                width = entryWidth;
                height = entryHeight;
            }
        }

        return new ImageHeader(EncodedFormat.Ico, width, height, SourceMode.Rgba);
    }
}
