using Clip.Core.Imaging;
using Clip.Core.Imaging.Decoding;

namespace Clip.Core.Tests.Imaging.Decoding;

/// <summary>Every real picture decodes with both decoders, at its stored size and in the layout of its mode.</summary>
public sealed class RealCorpusTests
{
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (RealImage image in ImageCorpus.Real)
        {
            cases.Add(image.File, TestDecoders.Default);
            cases.Add(image.File, TestDecoders.ImageSharp);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decode_RealPicture_StoredSizeAndModeLayout(string file, string decoder)
    {
        RealImage expected = ImageCorpus.Real.Single(image => image.File == file);
        byte[] bytes = File.ReadAllBytes(ImageCorpus.RealPath(file));

        using DecodedImage image = TestDecoders.DecodeWithin(TestDecoders.Create(decoder), bytes);

        Assert.Equal((expected.Width, expected.Height), (image.Width, image.Height));
        Assert.Equal(ReferenceModes.LayoutOf(expected.Mode, expected.Format), (image.Layout, image.NearestResample));
        Assert.Equal(expected.ExifOrientation ?? ExifOrientation.Upright, image.ExifOrientation);
    }

    [Theory]
    [MemberData(nameof(LosslessFiles))]
    public void Decode_LosslessRealPicture_BothDecodersGiveIdenticalPixels(string file)
    {
        byte[] bytes = File.ReadAllBytes(ImageCorpus.RealPath(file));

        using DecodedImage skia = TestDecoders.DecodeWithin(TestDecoders.Create(TestDecoders.Skia), bytes);
        using DecodedImage imageSharp = TestDecoders.DecodeWithin(TestDecoders.Create(TestDecoders.ImageSharp), bytes);

        Assert.Equal(0, PixelComparison.MaxAbsDifference(skia.Pixels, imageSharp.Pixels));
    }

    [Theory]
    [MemberData(nameof(JpegFiles))]
    public void Decode_RealJpeg_TurboJpegGivesSkiaSharpsPixelsAtFullAndReducedSize(string file)
    {
        byte[] bytes = File.ReadAllBytes(ImageCorpus.RealPath(file));
        IImageDecoder skia = TestDecoders.Create(TestDecoders.Skia);
        IImageDecoder turboJpeg = TestDecoders.Create(TestDecoders.TurboJpeg);
        var reduced = TestDecoders.Request with { MinimumShortSide = 224 };

        foreach (ImageDecodeRequest request in new[] { TestDecoders.Request, reduced })
        {
            using DecodedImage expected = TestDecoders.DecodeWithin(skia, bytes, request);
            using DecodedImage actual = TestDecoders.DecodeWithin(turboJpeg, bytes, request);

            Assert.Equal(
                (expected.Width, expected.Height, expected.Layout), (actual.Width, actual.Height, actual.Layout));
            Assert.Equal(0, PixelComparison.MaxAbsDifference(actual.Pixels, expected.Pixels));
        }
    }

    public static TheoryData<string> JpegFiles() =>
        new(ImageCorpus.Real.Where(image => image.Format == "JPEG").Select(image => image.File));

    public static TheoryData<string> LosslessFiles() => new(ImageCorpus.Real
        .Where(image => image.Format is "PNG" or "GIF" or "BMP"
            || image.File.EndsWith("lossless.webp", StringComparison.Ordinal))
        .Select(image => image.File));
}
