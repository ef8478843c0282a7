using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// Narrows decoded RGBA pixels, in place, to the layout the source's mode calls for. Libraries decode to 4 channels;
/// packing front to back is safe in place because every write lands at or before the byte it was read from.
/// </summary>
internal static class PixelPacking
{
    /// <summary>Gives every fully transparent RGBA pixel the given colour; alpha stays 0.</summary>
    public static void FillTransparent(Span<byte> buffer, int pixelCount, (byte R, byte G, byte B) colour)
    {
        for (int i = 0; i < pixelCount; i++)
        {
            Span<byte> pixel = buffer.Slice(i * 4, 4);
            if (pixel[3] == 0)
            {
                (pixel[0], pixel[1], pixel[2]) = colour;
            }
        }
    }

    /// <summary>Packs 8-bit RGBA (4 bytes a pixel) into <paramref name="layout"/>.</summary>
    public static void FromRgba32(Span<byte> buffer, int pixelCount, PixelLayout layout)
    {
        switch (layout)
        {
            case PixelLayout.Rgba8 or PixelLayout.Cmyk8:
                return;
            case PixelLayout.Rgb8:
                DropAlpha(buffer, pixelCount);
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

    private static void DropAlpha(Span<byte> buffer, int pixelCount)
    {
        int i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            // Four pixels per step: one shuffle packs 16 RGBA bytes into 12 RGB bytes. The 16-byte store also writes
            // 4 junk bytes, which land before the next load position, so packing in place stays safe.
            Vector128<byte> pick = Vector128.Create((byte)0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 0, 0, 0, 0);
            for (; i + 4 <= pixelCount; i += 4)
            {
                Vector128<byte> rgba = Vector128.Create<byte>(buffer.Slice(i * 4, 16));
                Vector128.Shuffle(rgba, pick).CopyTo(buffer.Slice(i * 3, 16));
            }
        }

        for (; i < pixelCount; i++)
        {
            buffer[i * 3] = buffer[i * 4];
            buffer[(i * 3) + 1] = buffer[(i * 4) + 1];
            buffer[(i * 3) + 2] = buffer[(i * 4) + 2];
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
