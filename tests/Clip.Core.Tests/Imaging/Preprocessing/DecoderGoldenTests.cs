using Clip.Core.Imaging;
using Clip.Core.Imaging.Preprocessing;
using Clip.Core.Numerics;
using Clip.Core.Tests.Imaging.Decoding;
using Xunit.Abstractions;

namespace Clip.Core.Tests.Imaging.Preprocessing;

/// <summary>
/// Every JPEG case of the reference, decoded by the product's libjpeg-turbo decoders (SkiaSharp's and the system's
/// TurboJPEG) and preprocessed: the 224x224 RGB crop must be the reference's bit for bit. CMYK JPEGs are the known
/// exception: they arrive as RGB, while the reference resizes in CMYK and converts afterwards.
/// </summary>
public sealed class DecoderGoldenTests(ITestOutputHelper output)
{
    // A CMYK JPEG converted before the resize rather than after: measured at most 14 levels at sharp edges, 0.18 on
    // average, with both decoders (the same conversion, Pillow's formula, in Skia).
    private const int CmykMaxLevels = 16;
    private const double CmykMeanLevels = 0.25;

    private static readonly ClipImagePreprocessor Preprocessor = new(
        ImagePreprocessingSpec.ClipDefault,
        new ClipPreprocessorOptions { AlphaHandling = AlphaHandling.Reference });

    public static TheoryData<string, string> JpegCases()
    {
        var cases = new TheoryData<string, string>();
        foreach (PreprocessCase c in PreprocessCase.All.Where(c => c.IsJpeg))
        {
            cases.Add(c.Image, TestDecoders.Skia);
            cases.Add(c.Image, TestDecoders.TurboJpeg);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(JpegCases))]
    public void PreprocessToRgb_JpegDecodedByProductDecoder_MatchesReference(string image, string decoder)
    {
        PreprocessCase c = PreprocessCase.Named(image);
        byte[] bytes = File.ReadAllBytes(PreprocessCase.PathOf(c.Image));
        using DecodedImage decoded = TestDecoders.DecodeWithin(TestDecoders.Create(decoder), bytes);

        byte[] rgb = Preprocessor.PreprocessToRgb(decoded);

        byte[] expected = NpyFile.Read(PreprocessCase.PathOf(c.Rgb224)).ToByteArray();
        TensorComparison diff = TensorComparison.Of(rgb, expected);
        output.WriteLine($"{c.Image} ({c.Mode}) {decoder}: {diff}");
        if (c.Mode == "CMYK")
        {
            Assert.True(diff.MaxAbs <= CmykMaxLevels && diff.MeanAbs <= CmykMeanLevels, $"{c.Image} {decoder}: {diff}");
        }
        else
        {
            Assert.True(diff.Differing == 0, $"{c.Image} {decoder}: {diff}");
        }
    }
}
