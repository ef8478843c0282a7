using System.Numerics.Tensors;
using Clip.Core.Embeddings;
using Clip.Core.Evaluation;
using Clip.Core.ZeroShot;

namespace Clip.Core.Probes;

/// <summary>
/// A linear probe: multinomial logistic regression on L2-normalised feature vectors (CLIP embeddings, or vectors
/// built from them), trained by <see cref="LinearProbeTrainer"/>. Class probabilities are
/// softmax(W·x/‖x‖ + b). Immutable and thread-safe; <see cref="Save"/> and <see cref="Load"/> keep it as JSON.
/// </summary>
public sealed class LinearProbe
{
    private readonly float[] _weights;
    private readonly float[] _bias;

    /// <summary>
    /// Creates a probe from its parameters: <paramref name="weights"/> holds one row of
    /// <see cref="FeatureSource.Dimension"/> floats per class, class after class. Throws
    /// <see cref="ArgumentException"/> when shapes disagree, a value is not finite, or a class is unnamed or named
    /// twice.
    /// </summary>
    public LinearProbe(
        IReadOnlyList<string> classes,
        float[] weights,
        float[] bias,
        double lambda,
        FeatureSource source,
        double? crossValidatedAccuracy = null)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bias);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(source.Dimension);
        if (classes.Count < 2 || bias.Length != classes.Count || weights.Length != classes.Count * source.Dimension)
        {
            throw new ArgumentException(
                $"A probe needs two or more classes, one bias per class and {source.Dimension} weights per class; " +
                $"got {classes.Count} classes, {bias.Length} biases and {weights.Length} weights.");
        }

        if (!TensorPrimitives.IsFiniteAll<float>(weights) || !TensorPrimitives.IsFiniteAll<float>(bias))
        {
            throw new ArgumentException("Probe weights and biases must be finite numbers.");
        }

        // A class's logit on a unit vector is at most its row's norm plus its bias: both finite keeps every logit,
        // and so every probability, a number.
        for (int c = 0; c < bias.Length; c++)
        {
            float norm = TensorPrimitives.Norm<float>(weights.AsSpan(c * source.Dimension, source.Dimension));
            if (!float.IsFinite(norm + Math.Abs(bias[c])))
            {
                throw new ArgumentException(
                    $"The weights of class {c} are too large: their norm does not fit in a float.");
            }
        }

        // Labels are stored under the class names, so each needs one of its own.
        int unnamed = classes.ToList().FindIndex(string.IsNullOrWhiteSpace);
        if (unnamed >= 0)
        {
            throw new ArgumentException($"Every probe class needs a name; class {unnamed} has no name.");
        }

        if (classes.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"A probe names each class once; it names '{twice.Key}' twice.");
        }

        Classes = classes.ToArray();
        _weights = weights;
        _bias = bias;
        Lambda = lambda;
        Source = source;
        CrossValidatedAccuracy = crossValidatedAccuracy;
    }

    /// <summary>The class names, in output order.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>The L2 regularisation strength the probe was fitted with.</summary>
    public double Lambda { get; }

    /// <summary>Which model and feature kind the probe applies to.</summary>
    public FeatureSource Source { get; }

    /// <summary>Floats per input vector.</summary>
    public int Dimension => Source.Dimension;

    /// <summary>The k-fold cross-validated accuracy measured when it was trained, if measured.</summary>
    public double? CrossValidatedAccuracy { get; }

    /// <summary>The weights, one row per class, class after class.</summary>
    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>The bias of each class.</summary>
    public ReadOnlySpan<float> Bias => _bias;

    /// <summary>Loads a probe saved by <see cref="Save"/> (see <see cref="LinearProbeFile"/>).</summary>
    public static LinearProbe Load(string path) => LinearProbeFile.Read(path);

    /// <summary>Writes the probe as JSON (see <see cref="LinearProbeFile"/>).</summary>
    public void Save(string path) => LinearProbeFile.Write(this, path);

    /// <summary>
    /// Throws <see cref="InvalidOperationException"/> unless vectors from <paramref name="source"/> are what the
    /// probe was trained on (see <see cref="FeatureSource.EnsureMatches"/>).
    /// </summary>
    public void EnsureCompatibleWith(FeatureSource source) => Source.EnsureMatches(source);

    /// <summary>Writes the probability of each class for <paramref name="features"/> (normalised first).</summary>
    public void PredictProbabilities(ReadOnlySpan<float> features, Span<float> destination)
    {
        if (features.Length != Dimension || destination.Length != Classes.Count)
        {
            throw new ArgumentException(
                $"The probe takes vectors of {Dimension} floats ({Source.Features} features of model " +
                $"'{Source.ModelName}') and writes {Classes.Count} probabilities; got a vector of " +
                $"{features.Length} and room for {destination.Length}.");
        }

        float norm = TensorPrimitives.Norm(features);
        float scale = norm > 0 ? 1f / norm : 0f;
        for (int c = 0; c < destination.Length; c++)
        {
            destination[c] = (scale * TensorPrimitives.Dot(_weights.AsSpan(c * Dimension, Dimension), features))
                + _bias[c];
        }

        ZeroShotMath.Softmax(destination, destination);
    }

    /// <summary>The probability of each class for <paramref name="features"/>.</summary>
    public float[] PredictProbabilities(ReadOnlySpan<float> features)
    {
        float[] probabilities = new float[Classes.Count];
        PredictProbabilities(features, probabilities);
        return probabilities;
    }

    /// <summary>The most probable class's index; equal probabilities go to the lower index.</summary>
    public int Predict(ReadOnlySpan<float> features) => ZeroShotMath.TopK(PredictProbabilities(features), 1)[0];

    /// <summary>The most probable class of every row of <paramref name="features"/>.</summary>
    public int[] Predict(EmbeddingBatch features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return Enumerable.Range(0, features.Count).Select(row => Predict(features[row])).ToArray();
    }

    /// <summary>
    /// The share of <paramref name="data"/> predicted right (see <see cref="ClassificationAccuracy"/>). Classes are
    /// matched by name, so a test set may list fewer classes or another order; a class the probe lacks throws.
    /// </summary>
    public double Accuracy(LabeledEmbeddings data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int[] toProbe = data.Classes.Select(name => IndexOf(name)).ToArray();
        return ClassificationAccuracy.Compute(Predict(data.Features), data.Labels.Select(l => toProbe[l]).ToArray());
    }

    private int IndexOf(string className)
    {
        int index = Classes.ToList().IndexOf(className);
        return index >= 0
            ? index
            : throw new ArgumentException(
                $"The probe has no class '{className}'; it knows {string.Join(", ", Classes)}.");
    }
}
