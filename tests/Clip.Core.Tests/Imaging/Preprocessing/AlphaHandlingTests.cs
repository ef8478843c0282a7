using Clip.Core.Imaging;
using Clip.Core.Imaging.Preprocessing;

namespace Clip.Core.Tests.Imaging.Preprocessing;

public sealed class AlphaHandlingTests
{
    private static readonly byte[] TransparentMagenta = [255, 0, 255, 0];

    [Fact]
    public void PreprocessToRgb_DefaultOptionsTransparentImage_ShowsWhiteBackground()
    {
        using DecodedImage image = TestImages.Filled(300, 300, PixelLayout.Rgba8, TransparentMagenta);

        byte[] rgb = new ClipImagePreprocessor().PreprocessToRgb(image);

        Assert.All(rgb, v => Assert.Equal(255, v));
    }

    [Fact]
    public void PreprocessToRgb_CompositeOnBlack_ShowsBlackBackground()
    {
        using DecodedImage image = TestImages.Filled(224, 224, PixelLayout.Rgba8, TransparentMagenta);
        var options = new ClipPreprocessorOptions { BackgroundColor = RgbColor.Black };

        byte[] rgb = new ClipImagePreprocessor(ImagePreprocessingSpec.ClipDefault, options).PreprocessToRgb(image);

        Assert.All(rgb, v => Assert.Equal(0, v));
    }

    [Fact]
    public void PreprocessToRgb_CompositeHalfTransparentGrayAlpha_BlendsWithBackground()
    {
        // 100 at alpha 128 over 255: (100 * 128 + 255 * 127) / 255 = 177.2, rounded to 177.
        using DecodedImage image = TestImages.Filled(224, 224, PixelLayout.GrayAlpha8, 100, 128);

        byte[] rgb = new ClipImagePreprocessor().PreprocessToRgb(image);

        Assert.All(rgb, v => Assert.Equal(177, v));
    }

    [Fact]
    public void PreprocessToRgb_ReferenceWithResize_TurnsHiddenColourBlack()
    {
        using DecodedImage image = TestImages.Filled(300, 300, PixelLayout.Rgba8, TransparentMagenta);

        byte[] rgb = ReferencePreprocessor().PreprocessToRgb(image);

        Assert.All(rgb, v => Assert.Equal(0, v));
    }

    [Fact]
    public void PreprocessToRgb_ReferenceWithoutResize_KeepsHiddenColour()
    {
        using DecodedImage image = TestImages.Filled(224, 230, PixelLayout.Rgba8, TransparentMagenta);

        byte[] rgb = ReferencePreprocessor().PreprocessToRgb(image);

        Assert.All(rgb.Chunk(3), p => Assert.Equal(new byte[] { 255, 0, 255 }, p));
    }

    [Fact]
    public void PreprocessToRgb_ReferenceHalfTransparentGrayAlpha_UnpremultipliesAfterResize()
    {
        // Premultiplied 100 * 128 / 255 = 50; a constant image resizes to itself; 255 * 50 / 128 = 99 (floor).
        using DecodedImage image = TestImages.Filled(300, 300, PixelLayout.GrayAlpha8, 100, 128);

        byte[] rgb = ReferencePreprocessor().PreprocessToRgb(image);

        Assert.All(rgb, v => Assert.Equal(99, v));
    }

    private static ClipImagePreprocessor ReferencePreprocessor() => new(
        ImagePreprocessingSpec.ClipDefault,
        new ClipPreprocessorOptions { AlphaHandling = AlphaHandling.Reference });
}
