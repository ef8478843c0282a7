using Clip.Core.ZeroShot;

namespace Clip.Core.Tests.ZeroShot;

public sealed class ZeroShotMathTests
{
    [Fact]
    public void Softmax_LogitsLnThreeApart_GivesQuarterAndThreeQuarters()
    {
        float[] probabilities = new float[2];

        ZeroShotMath.Softmax([0f, MathF.Log(3f)], probabilities);

        Assert.Equal(0.25f, probabilities[0], 1e-6f);
        Assert.Equal(0.75f, probabilities[1], 1e-6f);
    }

    [Fact]
    public void Softmax_LogitsInTheThousands_GivesFiniteProbabilities()
    {
        float[] probabilities = new float[2];

        ZeroShotMath.Softmax([1000f, 1001f], probabilities);

        // 1 / (1 + e) and e / (1 + e); exp(1000) alone would overflow to infinity.
        Assert.Equal(0.26894142f, probabilities[0], 1e-6f);
        Assert.Equal(0.73105858f, probabilities[1], 1e-6f);
    }

    [Fact]
    public void Softmax_OneLogitFarAbove_GivesItAllTheMass()
    {
        float[] logits = [-1000f, 0f, -1000f];

        ZeroShotMath.Softmax(logits, logits);

        Assert.Equal([0f, 1f, 0f], logits);
    }

    [Fact]
    public void Softmax_EqualLogits_GivesUniform()
    {
        float[] probabilities = new float[4];

        ZeroShotMath.Softmax([7f, 7f, 7f, 7f], probabilities);

        Assert.Equal([0.25f, 0.25f, 0.25f, 0.25f], probabilities);
    }

    [Fact]
    public void Softmax_DestinationOfOtherLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => ZeroShotMath.Softmax([1f, 2f], new float[3]));
    }

    [Theory]
    [InlineData(2, new[] { 1, 2 })]
    [InlineData(3, new[] { 1, 2, 0 })]
    [InlineData(10, new[] { 1, 2, 0, 3 })]
    [InlineData(0, new int[0])]
    public void TopK_TiedScores_KeepIndexOrder(int k, int[] expected)
    {
        int[] top = ZeroShotMath.TopK([0.2f, 0.5f, 0.5f, 0.1f], k);

        Assert.Equal(expected, top);
    }

    [Theory]
    [InlineData(5f, 0f, 0.99330715f)]
    [InlineData(0f, 5f, 0.0066928509f)]
    [InlineData(3f, 3f, 0.5f)]
    [InlineData(1000f, 0f, 1f)]
    [InlineData(0f, 1000f, 0f)]
    public void TwoWayProbability_Logits_GivesLogisticOfDifference(float label, float background, float expected)
    {
        // 1 / (1 + exp(background - label)): exp(-5) = 0.0067379, so 1 / 1.0067379 = 0.9933071.
        float probability = ZeroShotMath.TwoWayProbability(label, background);

        Assert.Equal(expected, probability, 1e-6f);
    }
}
