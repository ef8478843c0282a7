using System.Runtime.InteropServices;
using Clip.Core.Imaging;
using Clip.Core.Imaging.Preprocessing;

namespace Clip.Core.Tests.Imaging.Preprocessing;

public sealed class ColourConversionTests
{
    private static readonly ClipImagePreprocessor Preprocessor = new();

    [Theory]
    [InlineData(255, 0, 0, 0, 0, 255, 255)]
    [InlineData(0, 0, 0, 255, 0, 0, 0)]
    [InlineData(100, 0, 255, 50, 125, 205, 0)] // 205 - 100 * 205 / 255 (80.4 -> 80) = 125
    public void PreprocessToRgb_CmykPixel_UsesPlainFormulaWithoutProfile(
        byte c, byte m, byte y, byte k, byte r, byte g, byte b)
    {
        using DecodedImage image = TestImages.Filled(224, 224, PixelLayout.Cmyk8, c, m, y, k);

        byte[] rgb = Preprocessor.PreprocessToRgb(image);

        Assert.Equal(new[] { r, g, b }, rgb[..3]);
        Assert.All(rgb.Chunk(3), p => Assert.Equal(new[] { r, g, b }, p));
    }

    [Theory]
    [InlineData(100, 100)]
    [InlineData(255, 255)]
    [InlineData(1000, 255)]
    [InlineData(65535, 255)]
    public void PreprocessToRgb_Gray16_ClampsWithoutScaling(int sample, byte expected)
    {
        using var image = DecodedImage.Allocate(300, 250, PixelLayout.Gray16);
        MemoryMarshal.Cast<byte, ushort>(image.Pixels).Fill((ushort)sample);

        byte[] rgb = Preprocessor.PreprocessToRgb(image);

        Assert.All(rgb, v => Assert.Equal(expected, v));
    }
}
