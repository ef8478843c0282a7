using Clip.Core.Probes;

namespace Clip.Core.Tests.Probes;

public sealed class SoftmaxRegressionTests
{
    [Fact]
    public void Evaluate_ZeroParameters_GivesLnTwoAndHandWorkedGradient()
    {
        // One sample x = (1, 0) of class 0, two classes, W = 0, b = 0: both logits 0, p = (1/2, 1/2).
        // loss = -ln(1/2) = ln 2. p - onehot = (-1/2, 1/2), so dW_0 = -1/2·x = (-1/2, 0), dW_1 = (1/2, 0),
        // db = (-1/2, 1/2). λ = 3 adds λ·W = 0 to dW and (λ/2)·‖W‖² = 0 to the loss.
        var objective = new SoftmaxRegression([1, 0], dimension: 2, labels: [0], classes: 2, lambda: 3);
        double[] gradient = new double[objective.ParameterCount];

        double loss = objective.Evaluate(new double[6], gradient);

        Assert.Equal(Math.Log(2), loss, 12);
        Assert.Equal([-0.5, 0, 0.5, 0, -0.5, 0.5], gradient);
    }

    [Fact]
    public void Evaluate_NonZeroWeights_AddsHalfLambdaSquaredNorm()
    {
        // W_0 = (2, 0), W_1 = 0, b = 0, x = (0, 1): both logits 0, loss ln 2, plus (λ/2)·4 = 2 for λ = 1.
        // dW_0 = (p_0 - 1)·x + λ·W_0 = (0, -1/2) + (2, 0) = (2, -1/2).
        var objective = new SoftmaxRegression([0, 1], dimension: 2, labels: [0], classes: 2, lambda: 1);
        double[] gradient = new double[objective.ParameterCount];

        double loss = objective.Evaluate([2, 0, 0, 0, 0, 0], gradient);

        Assert.Equal(Math.Log(2) + 2, loss, 12);
        Assert.Equal(2, gradient[0], 12);
        Assert.Equal(-0.5, gradient[1], 12);
    }

    [Fact]
    public void Evaluate_RandomProblem_GradientMatchesCentralDifferences()
    {
        const int Count = 7, Dimension = 4, Classes = 3;
        var random = new Random(11);
        double[] features = Enumerable.Range(0, Count * Dimension).Select(_ => random.NextDouble() - 0.5).ToArray();
        int[] labels = Enumerable.Range(0, Count).Select(_ => random.Next(Classes)).ToArray();
        var objective = new SoftmaxRegression(features, Dimension, labels, Classes, lambda: 0.1);
        double[] parameters = Enumerable.Range(0, objective.ParameterCount)
            .Select(_ => random.NextDouble() - 0.5)
            .ToArray();
        double[] gradient = new double[parameters.Length];
        objective.Evaluate(parameters, gradient);

        const double H = 1e-6;
        double[] scratch = new double[parameters.Length];
        for (int k = 0; k < parameters.Length; k++)
        {
            double[] plus = (double[])parameters.Clone();
            double[] minus = (double[])parameters.Clone();
            plus[k] += H;
            minus[k] -= H;
            double numeric = (objective.Evaluate(plus, scratch) - objective.Evaluate(minus, scratch)) / (2 * H);

            Assert.True(Math.Abs(numeric - gradient[k]) < 1e-8, $"parameter {k}: {gradient[k]} vs {numeric}");
        }
    }

    [Fact]
    public void SoftmaxInPlace_HugeLogits_StaysFiniteAndReturnsLogSumExp()
    {
        // log(e^1000 + e^1000) = 1000 + ln 2; probabilities 1/2 each.
        double[] logits = [1000, 1000];

        double logSumExp = SoftmaxRegression.SoftmaxInPlace(logits);

        Assert.Equal(1000 + Math.Log(2), logSumExp, 9);
        Assert.Equal([0.5, 0.5], logits);
    }
}
