using System.Buffers.Binary;

namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// Reads a GIF's logical screen and walks its blocks up to the end of the first frame's image data. Rejects a first
/// frame of zero size, a file with no frame, and a file that ends before the first frame does. Like the reference,
/// the size is the logical screen grown to hold the first frame, and the mode is grey when the frame's palette is
/// the identity ramp (entry i is (i, i, i)) and palette otherwise.
/// </summary>
internal static class GifHeaderReader
{
    private const int ScreenDescriptorEnd = 13;
    private const byte ExtensionIntroducer = 0x21;
    private const byte ImageSeparator = 0x2C;
    private const byte Trailer = 0x3B;

    public static ImageHeader Read(ReadOnlySpan<byte> data)
    {
        if (data.Length < ScreenDescriptorEnd)
        {
            throw Reject.Truncated("The GIF ends inside its header.");
        }

        int screenWidth = BinaryPrimitives.ReadUInt16LittleEndian(data[6..]);
        int screenHeight = BinaryPrimitives.ReadUInt16LittleEndian(data[8..]);
        try
        {
            return ReadToFirstFrame(data, screenWidth, screenHeight);
        }
        catch (ImageDecodeException problem) when (screenWidth > 0 && screenHeight > 0)
        {
            // The screen size is known, so the size checks can still run before the defect is reported.
            var screen = new ImageHeader(EncodedFormat.Gif, screenWidth, screenHeight, SourceMode.Palette);
            return screen.WithProblem(problem);
        }
    }

    private static ImageHeader ReadToFirstFrame(ReadOnlySpan<byte> data, int screenWidth, int screenHeight)
    {
        int position = ScreenDescriptorEnd;
        ReadOnlySpan<byte> globalPalette = GifPalette.Read(data, data[10], ref position);
        int transparentIndex = -1;

        // Each pass consumes at least one byte, so the loop ends within the file.
        while (position < data.Length)
        {
            byte block = data[position++];
            if (block == ExtensionIntroducer)
            {
                transparentIndex = GifPalette.TransparentIndex(data, position) ?? transparentIndex;
                position++;
                SkipSubBlocks(data, ref position, "an extension block");
            }
            else if (block == ImageSeparator)
            {
                var screen = new ImageHeader(EncodedFormat.Gif, screenWidth, screenHeight, SourceMode.Palette);
                return ReadFirstFrame(data, position, screen, globalPalette, transparentIndex);
            }
            else if (block == Trailer)
            {
                throw Reject.Corrupt("The GIF has no image frame.");
            }
        }

        throw Reject.Truncated("The GIF is truncated: it ends before its first image frame.");
    }

    private static ImageHeader ReadFirstFrame(
        ReadOnlySpan<byte> data,
        int position,
        ImageHeader screen,
        ReadOnlySpan<byte> globalPalette,
        int transparentIndex)
    {
        if (position + 9 > data.Length)
        {
            throw Reject.Truncated("The GIF is truncated: it ends inside its first frame's descriptor.");
        }

        ReadOnlySpan<byte> descriptor = data.Slice(position, 9);
        int left = BinaryPrimitives.ReadUInt16LittleEndian(descriptor);
        int top = BinaryPrimitives.ReadUInt16LittleEndian(descriptor[2..]);
        int frameWidth = BinaryPrimitives.ReadUInt16LittleEndian(descriptor[4..]);
        int frameHeight = BinaryPrimitives.ReadUInt16LittleEndian(descriptor[6..]);
        if (frameWidth == 0 || frameHeight == 0)
        {
            throw Reject.Corrupt($"The GIF's first frame has a size of {frameWidth}x{frameHeight}.");
        }

        var header = screen with
        {
            Width = Math.Max(screen.Width, left + frameWidth),
            Height = Math.Max(screen.Height, top + frameHeight),
        };
        try
        {
            position += 9;
            ReadOnlySpan<byte> localPalette = GifPalette.Read(data, descriptor[8], ref position);
            position++; // LZW minimum code size.
            SkipSubBlocks(data, ref position, "its first frame's image data");
            ReadOnlySpan<byte> palette = localPalette.IsEmpty ? globalPalette : localPalette;
            bool grey = GifPalette.IsIdentityGreyRamp(palette);
            return header with
            {
                Mode = grey ? SourceMode.Gray : SourceMode.Palette,
                TransparentColour = GifPalette.ColourOf(transparentIndex, palette, grey),
            };
        }
        catch (ImageDecodeException problem)
        {
            return header.WithProblem(problem);
        }
    }

    private static void SkipSubBlocks(ReadOnlySpan<byte> data, ref int position, string what)
    {
        while (position < data.Length)
        {
            int size = data[position++];
            if (size == 0)
            {
                return;
            }

            position += size;
        }

        throw Reject.Truncated($"The GIF is truncated: it ends inside {what}.");
    }
}
