using System.Numerics.Tensors;

namespace Clip.Core.Probes;

/// <summary>
/// Training samples in double precision, each row scaled to unit length, with their labels: what one fit of
/// <see cref="SoftmaxRegression"/> runs on. Double keeps the finite sums of a full-batch gradient accurate.
/// </summary>
internal sealed class ProbeDesign
{
    private ProbeDesign(double[] features, int dimension, int[] labels, int classes)
    {
        Features = features;
        Dimension = dimension;
        Labels = labels;
        Classes = classes;
    }

    public double[] Features { get; }

    public int Dimension { get; }

    public int[] Labels { get; }

    public int Classes { get; }

    public int Count => Labels.Length;

    public static ProbeDesign From(LabeledEmbeddings data)
    {
        int dimension = data.Dimension;
        double[] features = new double[data.Count * dimension];
        for (int i = 0; i < data.Count; i++)
        {
            Span<double> row = features.AsSpan(i * dimension, dimension);
            TensorPrimitives.ConvertChecked<float, double>(data.Features[i], row);
            double norm = TensorPrimitives.Norm<double>(row);
            if (norm > 0)
            {
                TensorPrimitives.Divide(row, norm, row);
            }
        }

        return new ProbeDesign(features, dimension, [.. data.Labels], data.Classes.Count);
    }

    /// <summary>The samples at <paramref name="indices"/>, in that order.</summary>
    public ProbeDesign Subset(IReadOnlyList<int> indices)
    {
        double[] features = new double[indices.Count * Dimension];
        int[] labels = new int[indices.Count];
        for (int i = 0; i < indices.Count; i++)
        {
            Features.AsSpan(indices[i] * Dimension, Dimension).CopyTo(features.AsSpan(i * Dimension));
            labels[i] = Labels[indices[i]];
        }

        return new ProbeDesign(features, Dimension, labels, Classes);
    }

    /// <summary>Fits W and b with L-BFGS from <paramref name="start"/> (zeros when null).</summary>
    public double[] Fit(double lambda, LinearProbeOptions options, double[]? start = null)
    {
        var objective = new SoftmaxRegression(Features, Dimension, Labels, Classes, lambda);
        double[] initial = start ?? new double[objective.ParameterCount];
        return Lbfgs.Minimize(objective.Evaluate, initial, options.MaxIterations, options.GradientTolerance).Minimum;
    }

    /// <summary>The accuracy and mean log-loss of <paramref name="parameters"/> on these samples.</summary>
    public (double Accuracy, double LogLoss, int Correct) Score(double[] parameters)
    {
        double[] logits = new double[Classes];
        int correct = 0;
        double logLoss = 0;
        for (int i = 0; i < Count; i++)
        {
            SoftmaxRegression.Logits(parameters, Features.AsSpan(i * Dimension, Dimension), Classes, logits);
            int predicted = TensorPrimitives.IndexOfMax<double>(logits);
            correct += predicted == Labels[i] ? 1 : 0;
            double trueLogit = logits[Labels[i]];
            logLoss += SoftmaxRegression.SoftmaxInPlace(logits) - trueLogit;
        }

        return ((double)correct / Count, logLoss / Count, correct);
    }
}
