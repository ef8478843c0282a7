using Clip.Core.Imaging.Preprocessing;

namespace Clip.Core.Tests.Imaging.Preprocessing;

public sealed class AxisCoefficientsTests
{
    [Fact]
    public void Compute_TwoToFourUpscale_MatchesHandComputedWeights()
    {
        // Output 0 of 2 -> 4: centre 0.25, inputs 0 and 1 at distances 0.25 and 1.25. Keys' kernel (a = -0.5) gives
        // 111/128 and -9/128; normalised 37/34 and -3/34; times 2^22 rounded: 4564390 and -370086.
        AxisCoefficients table = AxisCoefficients.Compute(2, 4, 0, 4);

        Assert.Equal(0, table.Starts[0]);
        Assert.Equal(2, table.Lengths[0]);
        Assert.Equal(new[] { 4564390, -370086 }, table.FixedWeights.AsSpan(0, 2).ToArray());
        Assert.Equal(37.0 / 34.0, table.Weights[0], 15);
    }

    [Fact]
    public void Compute_OneToManyUpscale_EveryOutputHasOneFullWeight()
    {
        AxisCoefficients table = AxisCoefficients.Compute(1, 224, 0, 224);

        for (int i = 0; i < table.Count; i++)
        {
            Assert.Equal(1, table.Lengths[i]);
            Assert.Equal(1 << AxisCoefficients.PrecisionBits, table.FixedWeights[i * table.Stride]);
        }
    }

    [Theory]
    [InlineData(1600, 298, 37, 224)]
    [InlineData(20, 224, 0, 224)]
    [InlineData(3000, 33600, 16688, 224)]
    [InlineData(333, 297, 36, 224)]
    public void Compute_Run_EqualsSameOutputsOfFullTable(int input, int output, int first, int count)
    {
        AxisCoefficients full = AxisCoefficients.Compute(input, output, 0, output);
        AxisCoefficients run = AxisCoefficients.Compute(input, output, first, count);

        for (int i = 0; i < count; i++)
        {
            Assert.Equal(full.Starts[first + i], run.Starts[i]);
            Assert.Equal(full.Lengths[first + i], run.Lengths[i]);
            Assert.Equal(
                full.FixedWeights.AsSpan((first + i) * full.Stride, full.Stride).ToArray(),
                run.FixedWeights.AsSpan(i * run.Stride, run.Stride).ToArray());
        }
    }

    [Theory]
    [InlineData(5, 224)]
    [InlineData(480, 298)]
    [InlineData(1600, 298)]
    [InlineData(12, 900)]
    public void Compute_AnyRatio_FixedWeightsSumToOneAndPaddingIsZero(int input, int output)
    {
        AxisCoefficients table = AxisCoefficients.Compute(input, output, 0, output);

        for (int i = 0; i < table.Count; i++)
        {
            int[] weights = table.FixedWeights.AsSpan(i * table.Stride, table.Stride).ToArray();
            int length = table.Lengths[i];
            Assert.InRange(weights[..length].Sum(), (1 << 22) - length, (1 << 22) + length);
            Assert.All(weights[length..], w => Assert.Equal(0, w));
        }
    }
}
