using System.Numerics.Tensors;

namespace Clip.Core.Probes;

/// <summary>
/// The objective of multinomial logistic regression with L2 regularisation of the weights (not the biases):
/// f(W, b) = (1/N) Σᵢ [log Σ_c exp(zᵢ_c) − zᵢ_yᵢ] + (λ/2)·‖W‖², with zᵢ = W·xᵢ + b. Its gradient is
/// ∂f/∂W_c = (1/N) Σᵢ (pᵢ_c − [yᵢ = c])·xᵢ + λ·W_c and ∂f/∂b_c = (1/N) Σᵢ (pᵢ_c − [yᵢ = c]), p = softmax(z).
/// Parameters are laid out as W row by row (one row of <see cref="Dimension"/> per class), then b.
/// </summary>
internal sealed class SoftmaxRegression
{
    private readonly double[] _features;
    private readonly int[] _labels;

    public SoftmaxRegression(double[] features, int dimension, int[] labels, int classes, double lambda)
    {
        _features = features;
        _labels = labels;
        Dimension = dimension;
        Classes = classes;
        Lambda = lambda;
    }

    public int Dimension { get; }

    public int Classes { get; }

    public double Lambda { get; }

    public int ParameterCount => Classes * (Dimension + 1);

    /// <summary>Writes the class logits of <paramref name="x"/> under <paramref name="parameters"/>.</summary>
    public static void Logits(
        ReadOnlySpan<double> parameters,
        ReadOnlySpan<double> x,
        int classes,
        Span<double> logits)
    {
        int dimension = x.Length;
        ReadOnlySpan<double> bias = parameters.Slice(classes * dimension, classes);
        for (int c = 0; c < classes; c++)
        {
            logits[c] = TensorPrimitives.Dot(parameters.Slice(c * dimension, dimension), x) + bias[c];
        }
    }

    /// <summary>
    /// Turns <paramref name="logits"/> into probabilities in place and returns log Σ exp(logits), computed after
    /// subtracting the maximum so that no exponential overflows.
    /// </summary>
    public static double SoftmaxInPlace(Span<double> logits)
    {
        double max = TensorPrimitives.Max<double>(logits);
        TensorPrimitives.Subtract(logits, max, logits);
        TensorPrimitives.Exp<double>(logits, logits);
        double sum = TensorPrimitives.Sum<double>(logits);
        TensorPrimitives.Divide(logits, sum, logits);
        return max + Math.Log(sum);
    }

    /// <summary>Returns f at <paramref name="parameters"/> and writes its gradient.</summary>
    public double Evaluate(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        gradient.Clear();
        int count = _labels.Length;
        int weightCount = Classes * Dimension;
        double inverseCount = 1.0 / count;
        Span<double> p = new double[Classes];
        double loss = 0;
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<double> x = _features.AsSpan(i * Dimension, Dimension);
            Logits(parameters, x, Classes, p);
            double trueLogit = p[_labels[i]];
            loss += SoftmaxInPlace(p) - trueLogit;
            p[_labels[i]] -= 1;
            for (int c = 0; c < Classes; c++)
            {
                Span<double> row = gradient.Slice(c * Dimension, Dimension);
                TensorPrimitives.MultiplyAdd(x, p[c] * inverseCount, row, row);
                gradient[weightCount + c] += p[c] * inverseCount;
            }
        }

        ReadOnlySpan<double> weights = parameters[..weightCount];
        Span<double> weightGradient = gradient[..weightCount];
        TensorPrimitives.MultiplyAdd(weights, Lambda, weightGradient, weightGradient);
        double squaredNorm = TensorPrimitives.Dot(weights, weights);
        return (loss * inverseCount) + (0.5 * Lambda * squaredNorm);
    }
}
