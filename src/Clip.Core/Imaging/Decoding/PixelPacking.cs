using System.Runtime.InteropServices;

namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// Narrows decoded RGBA pixels, in place, to the layout the source's mode calls for. Libraries decode to 4 channels;
/// packing front to back is safe in place because every write lands at or before the byte it was read from.
/// </summary>
internal static class PixelPacking
{
    /// <summary>Packs 8-bit RGBA (4 bytes a pixel) into <paramref name="layout"/>.</summary>
    public static void FromRgba32(Span<byte> buffer, int pixelCount, PixelLayout layout)
    {
        switch (layout)
        {
            case PixelLayout.Rgba8 or PixelLayout.Cmyk8:
                return;
            case PixelLayout.Rgb8:
                for (int i = 0; i < pixelCount; i++)
                {
                    int from = i * 4;
                    int to = i * 3;
                    buffer[to] = buffer[from];
                    buffer[to + 1] = buffer[from + 1];
                    buffer[to + 2] = buffer[from + 2];
                }

                return;
            case PixelLayout.GrayAlpha8:
                for (int i = 0; i < pixelCount; i++)
                {
                    buffer[i * 2] = buffer[i * 4];
                    buffer[(i * 2) + 1] = buffer[(i * 4) + 3];
                }

                return;
            case PixelLayout.Gray8:
                for (int i = 0; i < pixelCount; i++)
                {
                    buffer[i] = buffer[i * 4];
                }

                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(layout), layout, "Not an 8-bit layout.");
        }
    }

    /// <summary>
    /// Packs 16-bit RGBA (four native-endian <see cref="ushort"/> samples a pixel) into <paramref name="layout"/>:
    /// <see cref="PixelLayout.Gray16"/> keeps the full red (grey) sample; 8-bit layouts keep each sample's high byte,
    /// as the reference does when it opens a 48- or 64-bit PNG.
    /// </summary>
    public static void FromRgba64(Span<byte> buffer, int pixelCount, PixelLayout layout)
    {
        Span<ushort> samples = MemoryMarshal.Cast<byte, ushort>(buffer[..(pixelCount * 8)]);
        if (layout == PixelLayout.Gray16)
        {
            for (int i = 0; i < pixelCount; i++)
            {
                samples[i] = samples[i * 4];
            }

            return;
        }

        int channels = DecodedImage.BytesPerPixel(layout);
        ReadOnlySpan<int> picks = layout switch
        {
            PixelLayout.Rgb8 => [0, 1, 2],
            PixelLayout.Rgba8 => [0, 1, 2, 3],
            PixelLayout.GrayAlpha8 => [0, 3],
            PixelLayout.Gray8 => [0],
            _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "Not a layout for 16-bit sources."),
        };

        for (int i = 0; i < pixelCount; i++)
        {
            for (int c = 0; c < channels; c++)
            {
                buffer[(i * channels) + c] = (byte)(samples[(i * 4) + picks[c]] >> 8);
            }
        }
    }
}
