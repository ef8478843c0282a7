using Clip.Core.Imaging.Preprocessing;

namespace Clip.Core.Tests.Imaging.Preprocessing;

public sealed class NearestIndicesTests
{
    [Fact]
    public void Compute_ThreeToFive_PicksCentreSamples()
    {
        // Output centres 0.3, 0.9, 1.5, 2.1, 2.7 in input units.
        var indices = new int[5];

        NearestIndices.Compute(3, 5, 0, indices);

        Assert.Equal(new[] { 0, 0, 1, 2, 2 }, indices);
    }

    [Fact]
    public void Compute_TwoTo225_Output112FollowsAccumulatedSumNotFormula()
    {
        // (112 + 0.5) * 2/225 is exactly 1.0, but 0.5 * s plus 112 additions of s is 0.999999999999997: index 0.
        var indices = new int[3];

        NearestIndices.Compute(2, 225, 111, indices);

        Assert.Equal(new[] { 0, 0, 1 }, indices);
    }

    [Fact]
    public void Compute_Run_EqualsSameOutputsOfFullRun()
    {
        var full = new int[33600];
        var run = new int[224];

        NearestIndices.Compute(3000, 33600, 0, full);
        NearestIndices.Compute(3000, 33600, 16688, run);

        Assert.Equal(full.AsSpan(16688, 224).ToArray(), run);
    }
}
