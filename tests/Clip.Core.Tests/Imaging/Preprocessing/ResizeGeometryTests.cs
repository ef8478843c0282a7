using Clip.Core.Imaging.Preprocessing;

namespace Clip.Core.Tests.Imaging.Preprocessing;

public sealed class ResizeGeometryTests
{
    [Theory]
    [InlineData(224, 229, 224, 229, 0, 2)] // no resize; top = round(2.5) = 2, half to even
    [InlineData(225, 224, 225, 224, 0, 0)] // no resize; left = round(0.5) = 0
    [InlineData(200, 205, 224, 229, 0, 2)] // int(224 * 205 / 200) = 229, then round(2.5) = 2
    [InlineData(333, 251, 297, 224, 36, 0)] // round(36.5) = 36
    [InlineData(1600, 1200, 298, 224, 37, 0)] // round(37.0)
    [InlineData(2, 3, 224, 336, 0, 56)]
    [InlineData(3000, 20, 33600, 224, 16688, 0)]
    [InlineData(1, 1, 224, 224, 0, 0)]
    public void Compute_ClipDefault_MatchesTorchvisionSizesAndPythonRounding(
        int width, int height, int resizedWidth, int resizedHeight, int left, int top)
    {
        var geometry = ResizeGeometry.Compute(width, height, ImagePreprocessingSpec.ClipDefault);

        Assert.Equal((resizedWidth, resizedHeight), (geometry.ResizedWidth, geometry.ResizedHeight));
        Assert.Equal((left, top), (geometry.CropLeft, geometry.CropTop));
        Assert.Equal((224, 224), (geometry.CropWidth, geometry.CropHeight));
    }

    [Theory]
    [InlineData(224, 229, false)]
    [InlineData(225, 224, false)]
    [InlineData(224, 224, false)]
    [InlineData(200, 205, true)]
    [InlineData(225, 225, true)]
    public void Resizes_ShortSideAlreadyTarget_IsFalse(int width, int height, bool expected)
    {
        Assert.Equal(expected, ResizeGeometry.Compute(width, height, ImagePreprocessingSpec.ClipDefault).Resizes);
    }

    [Fact]
    public void Compute_AspectBeyondIntRange_Throws()
    {
        Assert.Throws<ArgumentException>(
            () => ResizeGeometry.Compute(int.MaxValue / 2, 1, ImagePreprocessingSpec.ClipDefault));
    }
}
