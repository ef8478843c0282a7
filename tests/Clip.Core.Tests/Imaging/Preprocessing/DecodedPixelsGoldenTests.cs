using Clip.Core.Imaging;
using Clip.Core.Imaging.Preprocessing;
using Clip.Core.Numerics;

namespace Clip.Core.Tests.Imaging.Preprocessing;

/// <summary>
/// JPEG cases fed with the reference decoder's own pixels (<c>decoded.npy</c>, CMYK included), which takes the
/// decoder out of the comparison: what remains must match the reference exactly.
/// </summary>
public sealed class DecodedPixelsGoldenTests
{
    private static readonly ClipImagePreprocessor Preprocessor = new(
        ImagePreprocessingSpec.ClipDefault,
        new ClipPreprocessorOptions { AlphaHandling = AlphaHandling.Reference });

    public static TheoryData<string> DecodedCases => PreprocessCase.Where(c => c.Decoded is not null);

    [Theory]
    [MemberData(nameof(DecodedCases))]
    public void PreprocessToRgb_ReferenceDecodedPixels_MatchesReferenceBitExact(string image)
    {
        PreprocessCase c = PreprocessCase.Named(image);
        using DecodedImage decoded = ReferenceImageLoader.FromNpy(PreprocessCase.PathOf(c.Decoded!));

        byte[] rgb = Preprocessor.PreprocessToRgb(decoded);

        byte[] expected = NpyFile.Read(PreprocessCase.PathOf(c.Rgb224)).ToByteArray();
        TensorComparison diff = TensorComparison.Of(rgb, expected);
        Assert.True(diff.Differing == 0, $"{c.Image} ({c.Mode}): {diff}");
    }

    [Theory]
    [MemberData(nameof(DecodedCases))]
    public void Preprocess_ReferenceDecodedPixels_TensorWithinTolerance(string image)
    {
        PreprocessCase c = PreprocessCase.Named(image);
        using DecodedImage decoded = ReferenceImageLoader.FromNpy(PreprocessCase.PathOf(c.Decoded!));
        var tensor = new float[Preprocessor.Spec.TensorLength];

        Preprocessor.Preprocess(decoded, tensor);

        float[] expected = NpyFile.Read(PreprocessCase.PathOf(c.Tensor)).ToSingleArray();
        TensorComparison diff = TensorComparison.Of(tensor, expected);
        Assert.True(diff.MaxAbs <= 1e-6, $"{c.Image} ({c.Mode}): {diff}");
    }
}
