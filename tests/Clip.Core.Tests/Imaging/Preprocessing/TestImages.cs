using Clip.Core.Imaging;

namespace Clip.Core.Tests.Imaging.Preprocessing;

/// <summary>Small synthetic images for behaviour tests.</summary>
internal static class TestImages
{
    public static DecodedImage Filled(int width, int height, PixelLayout layout, params byte[] pixel)
    {
        var image = DecodedImage.Allocate(width, height, layout);
        Span<byte> pixels = image.Pixels;
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = pixel[i % pixel.Length];
        }

        return image;
    }

    public static DecodedImage Random(int width, int height, PixelLayout layout, int seed)
    {
        var image = DecodedImage.Allocate(width, height, layout);
        new Random(seed).NextBytes(image.Pixels);
        return image;
    }
}
