using Clip.Core.Imaging;
using Clip.Core.Imaging.Preprocessing;

namespace Clip.Core.Tests.Imaging.Preprocessing;

public sealed class ImagePreprocessingSpecTests
{
    public static TheoryData<string, ImagePreprocessingSpec> InvalidSpecs => new()
    {
        { "ShortestEdge", ImagePreprocessingSpec.ClipDefault with { ShortestEdge = 0 } },
        { "CropWidth", ImagePreprocessingSpec.ClipDefault with { CropWidth = 225 } },
        { "CropHeight", ImagePreprocessingSpec.ClipDefault with { CropHeight = 0 } },
        { "Mean", ImagePreprocessingSpec.ClipDefault with { Mean = new ChannelTriple(0f, float.NaN, 0f) } },
        { "Std", ImagePreprocessingSpec.ClipDefault with { Std = new ChannelTriple(0.2f, 0.2f, 0f) } },
    };

    [Theory]
    [MemberData(nameof(InvalidSpecs))]
    public void Validate_InvalidValue_ThrowsNamingTheProperty(string property, ImagePreprocessingSpec spec)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(spec.Validate);

        Assert.Equal(property, error.ParamName);
    }

    [Fact]
    public void Constructor_InvalidSpec_Throws()
    {
        ImagePreprocessingSpec spec = ImagePreprocessingSpec.ClipDefault with { CropWidth = 300 };

        Assert.Throws<ArgumentException>(() => new ClipImagePreprocessor(spec, new ClipPreprocessorOptions()));
    }

    [Fact]
    public void Constructor_UndefinedAlphaHandling_Throws()
    {
        var options = new ClipPreprocessorOptions { AlphaHandling = (AlphaHandling)42 };

        Assert.Throws<ArgumentException>(() => new ClipImagePreprocessor(ImagePreprocessingSpec.ClipDefault, options));
    }

    [Fact]
    public void PreprocessToRgb_CustomSpec_GivesCropSizedOutput()
    {
        ImagePreprocessingSpec spec =
            ImagePreprocessingSpec.ClipDefault with { ShortestEdge = 256, CropWidth = 200, CropHeight = 180 };
        var preprocessor = new ClipImagePreprocessor(spec, new ClipPreprocessorOptions());
        using DecodedImage image = TestImages.Random(500, 400, PixelLayout.Rgb8, 1);

        Assert.Equal(3 * 200 * 180, spec.TensorLength);
        Assert.Equal(3 * 200 * 180, preprocessor.PreprocessToRgb(image).Length);
    }
}
