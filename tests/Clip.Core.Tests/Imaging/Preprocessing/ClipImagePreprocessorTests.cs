using Clip.Core.Imaging;
using Clip.Core.Imaging.Preprocessing;

namespace Clip.Core.Tests.Imaging.Preprocessing;

public sealed class ClipImagePreprocessorTests
{
    private static readonly ClipImagePreprocessor Reference = new(
        ImagePreprocessingSpec.ClipDefault,
        new ClipPreprocessorOptions { AlphaHandling = AlphaHandling.Reference });

    [Fact]
    public void PreprocessToRgb_1x1Source_EveryPixelKeepsTheColour()
    {
        using DecodedImage image = TestImages.Filled(1, 1, PixelLayout.Rgb8, 200, 100, 50);

        byte[] rgb = Reference.PreprocessToRgb(image);

        Assert.Equal(224 * 224 * 3, rgb.Length);
        Assert.All(rgb.Chunk(3), p => Assert.Equal(new byte[] { 200, 100, 50 }, p));
    }

    [Fact]
    public void Preprocess_ConstantGray_GivesNormalisedValuePerChannel()
    {
        using DecodedImage image = TestImages.Filled(300, 260, PixelLayout.Gray8, 77);
        var tensor = new float[224 * 224 * 3];

        Reference.Preprocess(image, tensor);

        float[] mean = [0.48145466f, 0.4578275f, 0.40821073f];
        float[] std = [0.26862954f, 0.26130258f, 0.27577711f];
        for (int c = 0; c < 3; c++)
        {
            float expected = ((77 / 255f) - mean[c]) / std[c];
            Assert.All(tensor.AsSpan(c * 224 * 224, 224 * 224).ToArray(), v => Assert.Equal(expected, v));
        }
    }

    [Theory]
    [InlineData(37, 5, PixelLayout.Rgb8)]
    [InlineData(5, 300, PixelLayout.Rgb8)]
    [InlineData(250, 251, PixelLayout.Rgb8)]
    [InlineData(700, 230, PixelLayout.Rgb8)]
    [InlineData(231, 229, PixelLayout.Gray8)]
    [InlineData(640, 333, PixelLayout.Gray8)]
    [InlineData(3, 1000, PixelLayout.Gray8)]
    public void PreprocessToRgb_RandomImage_MatchesNaiveFullResize(int width, int height, PixelLayout layout)
    {
        using DecodedImage image = TestImages.Random(width, height, layout, seed: width * 1000 + height);

        byte[] rgb = Reference.PreprocessToRgb(image);

        byte[] expected = NaiveResizeAndCrop(image);
        Assert.Equal(expected, rgb);
    }

    [Fact]
    public void PreprocessToRgb_10000x1Strip_MatchesNaiveResizeOfTheRow()
    {
        // 10000x1 resizes to 2,240,000x224; the preprocessor computes only the 224 columns it keeps.
        using DecodedImage image = TestImages.Random(10000, 1, PixelLayout.Rgb8, seed: 7);

        byte[] rgb = Reference.PreprocessToRgb(image);

        Assert.Equal(NaiveResizeAndCrop(image), rgb);
    }

    [Fact]
    public void Preprocess_ParallelCalls_GiveTheSameTensor()
    {
        using DecodedImage image = TestImages.Random(640, 480, PixelLayout.Rgb8, seed: 3);
        var first = new float[224 * 224 * 3];
        Reference.Preprocess(image, first);

        float[][] results = Enumerable.Range(0, 8).AsParallel().Select(_ =>
        {
            var tensor = new float[224 * 224 * 3];
            Reference.Preprocess(image, tensor);
            return tensor;
        }).ToArray();

        Assert.All(results, r => Assert.Equal(first, r));
    }

    [Fact]
    public void Preprocess_WrongDestinationLength_Throws()
    {
        using DecodedImage image = TestImages.Filled(10, 10, PixelLayout.Rgb8, 1, 2, 3);

        Assert.Throws<ArgumentException>(() => Reference.Preprocess(image, new float[224 * 224 * 3 - 1]));
    }

    private static byte[] NaiveResizeAndCrop(DecodedImage image)
    {
        int channels = DecodedImage.BytesPerPixel(image.Layout);
        int w = image.Width, h = image.Height;
        int rw = w <= h ? 224 : 224 * w / h;
        int rh = w <= h ? 224 * h / w : 224;
        int left = (int)Math.Round((rw - 224) / 2.0, MidpointRounding.ToEven);
        int top = (int)Math.Round((rh - 224) / 2.0, MidpointRounding.ToEven);

        byte[] pixels = image.Pixels.ToArray();
        byte[] wide = rw == w ? pixels : NaiveBicubicModel.Horizontal(pixels, w, h, channels, rw);
        byte[] columns = NaiveBicubicModel.CropColumns(wide, rw, h, channels, left, 224);
        byte[] tall = rh == h ? columns : NaiveBicubicModel.Vertical(columns, 224, h, channels, rh);
        byte[] crop = tall.AsSpan(top * 224 * channels, 224 * 224 * channels).ToArray();
        return channels == 3 ? crop : crop.SelectMany(g => new[] { g, g, g }).ToArray();
    }
}
