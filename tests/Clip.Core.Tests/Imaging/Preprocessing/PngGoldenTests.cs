using Clip.Core.Imaging;
using Clip.Core.Imaging.Preprocessing;
using Clip.Core.Numerics;

namespace Clip.Core.Tests.Imaging.Preprocessing;

/// <summary>
/// PNG sources against the reference: PNG decoding is lossless, so the RGB crop must match bit for bit and the
/// tensor within 1e-6 (float32 normalisation done in the reference's order is exact in practice).
/// </summary>
public sealed class PngGoldenTests
{
    private const double TensorTolerance = 1e-6;

    private static readonly ClipImagePreprocessor Preprocessor = new(
        ImagePreprocessingSpec.ClipDefault,
        new ClipPreprocessorOptions { AlphaHandling = AlphaHandling.Reference });

    public static TheoryData<string> PngCases => PreprocessCase.Where(c => c.IsPng);

    [Theory]
    [MemberData(nameof(PngCases))]
    public void PreprocessToRgb_PngSource_MatchesReferenceBitExact(string image)
    {
        PreprocessCase c = PreprocessCase.Named(image);
        using DecodedImage decoded = ReferenceImageLoader.Load(PreprocessCase.PathOf(c.Image));

        byte[] rgb = Preprocessor.PreprocessToRgb(decoded);

        byte[] expected = NpyFile.Read(PreprocessCase.PathOf(c.Rgb224)).ToByteArray();
        TensorComparison diff = TensorComparison.Of(rgb, expected);
        Assert.True(diff.Differing == 0, $"{c.Image} ({c.Mode}): {diff}");
    }

    [Theory]
    [MemberData(nameof(PngCases))]
    public void Preprocess_PngSource_TensorWithinTolerance(string image)
    {
        PreprocessCase c = PreprocessCase.Named(image);
        using DecodedImage decoded = ReferenceImageLoader.Load(PreprocessCase.PathOf(c.Image));
        var tensor = new float[Preprocessor.Spec.TensorLength];

        Preprocessor.Preprocess(decoded, tensor);

        float[] expected = NpyFile.Read(PreprocessCase.PathOf(c.Tensor)).ToSingleArray();
        TensorComparison diff = TensorComparison.Of(tensor, expected);
        Assert.True(diff.MaxAbs <= TensorTolerance, $"{c.Image} ({c.Mode}): {diff}");
    }
}
