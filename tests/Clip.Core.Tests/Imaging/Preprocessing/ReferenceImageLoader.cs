using System.Runtime.InteropServices;
using Clip.Core.Imaging;
using Clip.Core.Numerics;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace Clip.Core.Tests.Imaging.Preprocessing;

/// <summary>
/// Test-only image loading into the layouts and modes the reference opens files in (Pillow 9.4): palette and 1-bit
/// PNGs as colours/grey marked for nearest resampling, 16-bit grey as Gray16, 16-bit colour as its high bytes.
/// </summary>
internal static class ReferenceImageLoader
{
    public static DecodedImage Load(string path)
    {
        IImageInfo info = Image.Identify(path) ?? throw new InvalidDataException($"Not an image: {path}");
        if (path.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            PngMetadata png = info.Metadata.GetPngMetadata();
            int depth = (int)(png.BitDepth ?? PngBitDepth.Bit8);
            return png.ColorType switch
            {
                PngColorType.Palette => Bytes<Rgb24>(path, PixelLayout.Rgb8, nearest: true),
                PngColorType.Grayscale when depth == 16 => Gray16(path),
                PngColorType.Grayscale => Bytes<L8>(path, PixelLayout.Gray8, nearest: depth == 1),
                PngColorType.GrayscaleWithAlpha when depth == 16 => HighBytes<La32>(path, PixelLayout.GrayAlpha8),
                PngColorType.GrayscaleWithAlpha => Bytes<La16>(path, PixelLayout.GrayAlpha8, nearest: false),
                PngColorType.Rgb when depth == 16 => HighBytes<Rgb48>(path, PixelLayout.Rgb8),
                PngColorType.Rgb => Bytes<Rgb24>(path, PixelLayout.Rgb8, nearest: false),
                PngColorType.RgbWithAlpha when depth == 16 => HighBytes<Rgba64>(path, PixelLayout.Rgba8),
                _ => Bytes<Rgba32>(path, PixelLayout.Rgba8, nearest: false),
            };
        }

        // Limitation: ImageSharp turns CMYK JPEGs into RGB itself, so they arrive as Rgb8 converted before the resize.
        bool gray = info.Metadata.GetJpegMetadata().ColorType == JpegColorType.Luminance;
        return gray ? Bytes<L8>(path, PixelLayout.Gray8, false) : Bytes<Rgb24>(path, PixelLayout.Rgb8, false);
    }

    /// <summary>Pixels stored by the reference as <c>decoded.npy</c>; 4 channels are CMYK.</summary>
    public static DecodedImage FromNpy(string path)
    {
        NpyArray array = NpyFile.Read(path);
        IReadOnlyList<int> shape = array.Shape;
        PixelLayout layout = shape.Count == 2 ? PixelLayout.Gray8
            : shape[2] == 3 ? PixelLayout.Rgb8
            : shape[2] == 4 ? PixelLayout.Cmyk8
            : throw new InvalidDataException($"Unexpected decoded shape in {path}.");
        var image = DecodedImage.Allocate(shape[1], shape[0], layout);
        array.ToByteArray().CopyTo(image.Pixels);
        return image;
    }

    private static DecodedImage Bytes<TPixel>(string path, PixelLayout layout, bool nearest)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        using Image<TPixel> image = Image.Load<TPixel>(path);
        var decoded = DecodedImage.Allocate(image.Width, image.Height, layout, nearest);
        image.CopyPixelDataTo(MemoryMarshal.Cast<byte, TPixel>(decoded.Pixels));
        return decoded;
    }

    private static DecodedImage Gray16(string path)
    {
        using Image<L16> image = Image.Load<L16>(path);
        var decoded = DecodedImage.Allocate(image.Width, image.Height, PixelLayout.Gray16);
        image.CopyPixelDataTo(MemoryMarshal.Cast<byte, L16>(decoded.Pixels));
        return decoded;
    }

    // Pillow opens 16-bit colour PNGs in 8-bit modes and keeps the high byte of each sample.
    private static DecodedImage HighBytes<TPixel>(string path, PixelLayout layout)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        using Image<TPixel> image = Image.Load<TPixel>(path);
        var samples = new ushort[image.Width * image.Height * DecodedImage.BytesPerPixel(layout)];
        image.CopyPixelDataTo(MemoryMarshal.Cast<ushort, TPixel>(samples.AsSpan()));
        var decoded = DecodedImage.Allocate(image.Width, image.Height, layout);
        for (int i = 0; i < samples.Length; i++)
        {
            decoded.Pixels[i] = (byte)(samples[i] >> 8);
        }

        return decoded;
    }
}
