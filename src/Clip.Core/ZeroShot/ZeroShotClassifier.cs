using Clip.Core.Embeddings;
using Clip.Core.Models;

namespace Clip.Core.ZeroShot;

/// <summary>
/// Scores image embeddings against the classes of a label set, as CLIP's zero-shot classification does:
/// logit = logit scale × cosine(image, class), and a softmax over the classes. Immutable and thread-safe.
/// </summary>
public sealed class ZeroShotClassifier
{
    /// <summary>The per-label probability a class must reach in the multi-label mode unless it sets its own.</summary>
    public const float DefaultMultiLabelThreshold = 0.5f;

    private readonly LabelSetEmbeddings _embeddings;

    /// <summary>Creates a classifier from label set embeddings computed under a model with that logit scale.</summary>
    public ZeroShotClassifier(LabelSet labelSet, LabelSetEmbeddings embeddings, float logitScale)
    {
        ArgumentNullException.ThrowIfNull(labelSet);
        ArgumentNullException.ThrowIfNull(embeddings);
        if (embeddings.Classes.Count != labelSet.Classes.Count
            || embeddings.Background.Length != embeddings.Classes.Dimension)
        {
            throw new ArgumentException(
                $"Embeddings hold {embeddings.Classes.Count} classes; label set '{labelSet.Name}' has " +
                $"{labelSet.Classes.Count}.",
                nameof(embeddings));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(logitScale);
        LabelSet = labelSet;
        LogitScale = logitScale;
        _embeddings = embeddings;
    }

    /// <summary>The label set scored.</summary>
    public LabelSet LabelSet { get; }

    /// <summary>The multiplier of cosines before the softmax.</summary>
    public float LogitScale { get; }

    /// <summary>Floats per embedding.</summary>
    public int EmbeddingDimension => _embeddings.Classes.Dimension;

    /// <summary>
    /// A classifier for <paramref name="labelSet"/> under <paramref name="model"/>, its text embeddings taken from
    /// <paramref name="cache"/> (computed and stored there on first use), or computed now when no cache is given.
    /// </summary>
    public static ZeroShotClassifier Create(
        ClipModel model,
        LabelSet labelSet,
        LabelSetEmbeddingCache? cache = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        LabelSetEmbeddings embeddings = cache is null
            ? PromptEnsemble.Embed(labelSet, model.TextEncoder, cancellationToken)
            : cache.GetOrCreate(model, labelSet, cancellationToken);
        return new ZeroShotClassifier(labelSet, embeddings, model.LogitScale);
    }

    /// <summary>Cosine of <paramref name="imageEmbedding"/> (unit length) with each class, in set order.</summary>
    public void ComputeCosines(ReadOnlySpan<float> imageEmbedding, Span<float> destination)
    {
        CheckShapes(imageEmbedding, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = VectorMath.Dot(imageEmbedding, _embeddings.Classes[i]);
        }
    }

    /// <summary>Softmax over the classes of logit scale × cosine.</summary>
    public void ComputeProbabilities(ReadOnlySpan<float> imageEmbedding, Span<float> destination)
    {
        ComputeCosines(imageEmbedding, destination);
        System.Numerics.Tensors.TensorPrimitives.Multiply(destination, LogitScale, destination);
        ZeroShotMath.Softmax(destination, destination);
    }

    /// <summary>The <paramref name="topK"/> most probable classes, best first (ties in label set order).</summary>
    public IReadOnlyList<LabelScore> Classify(ReadOnlySpan<float> imageEmbedding, int topK)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(topK);
        int count = LabelSet.Classes.Count;
        float[] cosines = new float[count];
        float[] probabilities = new float[count];
        ComputeCosines(imageEmbedding, cosines);
        ComputeProbabilities(imageEmbedding, probabilities);

        return ZeroShotMath.TopK(probabilities, topK)
            .Select(i => new LabelScore(LabelSet.Classes[i].Name, i, probabilities[i], cosines[i]))
            .ToArray();
    }

    /// <summary>
    /// Every class whose per-label probability reaches its threshold (the class's own, else
    /// <paramref name="defaultThreshold"/>), best first. The per-label probability is the softmax over two
    /// logits, the label's and the background's: 1 / (1 + exp(logit scale × (cos_background − cos_label))). It
    /// says whether the image is closer to the label than to a generic image, independently of the other
    /// labels, so adding a label never changes another label's decision. A negated prompt ("not a cat") is not
    /// used: CLIP embeds it close to the prompt it negates.
    /// </summary>
    public IReadOnlyList<LabelScore> ClassifyMultiLabel(
        ReadOnlySpan<float> imageEmbedding,
        float defaultThreshold = DefaultMultiLabelThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(defaultThreshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(defaultThreshold, 1f);
        float[] cosines = new float[LabelSet.Classes.Count];
        ComputeCosines(imageEmbedding, cosines);
        float backgroundLogit = LogitScale * VectorMath.Dot(imageEmbedding, _embeddings.Background);

        var passed = new List<LabelScore>();
        for (int i = 0; i < cosines.Length; i++)
        {
            LabelClass labelClass = LabelSet.Classes[i];
            float probability = ZeroShotMath.TwoWayProbability(LogitScale * cosines[i], backgroundLogit);
            if (probability >= (labelClass.Threshold ?? defaultThreshold))
            {
                passed.Add(new LabelScore(labelClass.Name, i, probability, cosines[i]));
            }
        }

        return passed.OrderByDescending(score => score.Probability).ThenBy(score => score.ClassIndex).ToArray();
    }

    private void CheckShapes(ReadOnlySpan<float> imageEmbedding, Span<float> destination)
    {
        if (imageEmbedding.Length != EmbeddingDimension || destination.Length != LabelSet.Classes.Count)
        {
            throw new ArgumentException(
                $"Expected an embedding of {EmbeddingDimension} and room for {LabelSet.Classes.Count} scores; got " +
                $"{imageEmbedding.Length} and {destination.Length}.");
        }
    }
}
