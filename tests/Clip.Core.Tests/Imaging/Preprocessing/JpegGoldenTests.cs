using Clip.Core.Imaging;
using Clip.Core.Imaging.Preprocessing;
using Clip.Core.Numerics;
using Xunit.Abstractions;

namespace Clip.Core.Tests.Imaging.Preprocessing;

/// <summary>
/// JPEG sources decoded by the test loader (ImageSharp 2.1), which is not the reference's libjpeg-turbo: it upsamples
/// chroma differently, so colour JPEGs differ by up to 91 levels at sharp chroma edges (mean 2.3 levels at most on
/// the reference set; grey JPEGs by at most 1 level). These tests therefore use a JPEG-only tolerance, measured,
/// and only guard the wiring; <see cref="DecodedPixelsGoldenTests"/> proves everything after decoding exact.
/// </summary>
public sealed class JpegGoldenTests(ITestOutputHelper output)
{
    /// <summary>Mean |difference| in uint8 levels between the two decoders (measured at most 2.26).</summary>
    private const double DecodeMeanLevels = 3.0;

    /// <summary>Tensor mean |difference| (measured at most 0.033, about 2.2 levels).</summary>
    private const double TensorMean = 0.05;

    /// <summary>Tensor 99th percentile of |difference| (measured at most 0.34, about 23 levels).</summary>
    private const double TensorP99 = 0.5;

    private static readonly ClipImagePreprocessor Preprocessor = new(
        ImagePreprocessingSpec.ClipDefault,
        new ClipPreprocessorOptions { AlphaHandling = AlphaHandling.Reference });

    public static TheoryData<string> JpegCases => PreprocessCase.Where(c => c.IsJpeg);

    public static TheoryData<string> DecodedJpegCases => PreprocessCase.Where(c => c.IsJpeg && c.Decoded is not null);

    [Theory]
    [MemberData(nameof(DecodedJpegCases))]
    public void Load_JpegSource_CloseToReferenceDecoder(string image)
    {
        PreprocessCase c = PreprocessCase.Named(image);
        using DecodedImage decoded = ReferenceImageLoader.Load(PreprocessCase.PathOf(c.Image));
        using DecodedImage reference = ReferenceImageLoader.FromNpy(PreprocessCase.PathOf(c.Decoded!));
        byte[] expected = reference.Layout == PixelLayout.Cmyk8
            ? CmykToRgb(reference.Pixels)
            : reference.Pixels.ToArray();

        TensorComparison diff = TensorComparison.Of(decoded.Pixels, expected);

        output.WriteLine($"{c.Image}: {diff}");
        Assert.True(diff.MeanAbs <= DecodeMeanLevels, $"{c.Image}: {diff}");
    }

    [Theory]
    [MemberData(nameof(JpegCases))]
    public void Preprocess_JpegSource_TensorWithinJpegTolerance(string image)
    {
        PreprocessCase c = PreprocessCase.Named(image);
        using DecodedImage decoded = ReferenceImageLoader.Load(PreprocessCase.PathOf(c.Image));
        var tensor = new float[Preprocessor.Spec.TensorLength];

        Preprocessor.Preprocess(decoded, tensor);

        float[] expected = NpyFile.Read(PreprocessCase.PathOf(c.Tensor)).ToSingleArray();
        TensorComparison diff = TensorComparison.Of(tensor, expected);
        double p99 = Percentile(tensor, expected, 0.99);
        output.WriteLine($"{c.Image}: {diff}, p99 {p99:G4}");
        Assert.True(diff.MeanAbs <= TensorMean && p99 <= TensorP99, $"{c.Image}: {diff}, p99 {p99:G4}");
    }

    private static double Percentile(float[] actual, float[] expected, double share)
    {
        double[] sorted = actual.Select((v, i) => Math.Abs((double)v - expected[i])).Order().ToArray();
        return sorted[(int)(share * (sorted.Length - 1))];
    }

    // The reference's CMYK to RGB rule, written out here so the comparison does not depend on the code under test.
    private static byte[] CmykToRgb(ReadOnlySpan<byte> cmyk)
    {
        var rgb = new byte[cmyk.Length / 4 * 3];
        for (int i = 0; i < cmyk.Length / 4; i++)
        {
            int notBlack = 255 - cmyk[(i * 4) + 3];
            for (int ch = 0; ch < 3; ch++)
            {
                int t = (cmyk[(i * 4) + ch] * notBlack) + 128;
                rgb[(i * 3) + ch] = (byte)(notBlack - (((t >> 8) + t) >> 8));
            }
        }

        return rgb;
    }
}
