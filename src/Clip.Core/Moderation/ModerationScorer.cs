using Clip.Core.Embeddings;
using Clip.Core.Models;
using Clip.Core.ZeroShot;

namespace Clip.Core.Moderation;

/// <summary>
/// Scores embeddings against a <see cref="ModerationPolicy"/>. Each side's prompts are embedded and combined into one
/// unit vector, the L2-normalised mean of the normalised prompt embeddings (<see cref="PromptEnsemble"/>). A vector
/// v then scores p(v) = softmax(s·cos(v, positive), s·cos(v, negative))₀ = 1 / (1 + exp(−s·(cos₊ − cos₋))), with
/// s the model's logit scale. Immutable and thread-safe.
/// </summary>
public sealed class ModerationScorer
{
    private readonly float[] _positive;
    private readonly float[] _negative;

    /// <summary>
    /// Creates a scorer from the policy's prompt embeddings (one row per prompt, in the policy's order, normalised
    /// or not) under a model with <paramref name="logitScale"/>.
    /// </summary>
    public ModerationScorer(
        ModerationPolicy policy,
        EmbeddingBatch positivePromptEmbeddings,
        EmbeddingBatch negativePromptEmbeddings,
        float logitScale)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(positivePromptEmbeddings);
        ArgumentNullException.ThrowIfNull(negativePromptEmbeddings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(logitScale);
        if (positivePromptEmbeddings.Count != policy.PositivePrompts.Count
            || negativePromptEmbeddings.Count != policy.NegativePrompts.Count
            || positivePromptEmbeddings.Dimension != negativePromptEmbeddings.Dimension)
        {
            throw new ArgumentException(
                $"Policy '{policy.Name}' has {policy.PositivePrompts.Count} positive and " +
                $"{policy.NegativePrompts.Count} negative prompts; got {positivePromptEmbeddings.Count} and " +
                $"{negativePromptEmbeddings.Count} embeddings of {positivePromptEmbeddings.Dimension} and " +
                $"{negativePromptEmbeddings.Dimension} floats.");
        }

        Policy = policy;
        LogitScale = logitScale;
        _positive = Ensemble(positivePromptEmbeddings);
        _negative = Ensemble(negativePromptEmbeddings);
    }

    /// <summary>The policy applied.</summary>
    public ModerationPolicy Policy { get; }

    /// <summary>The multiplier s of cosines.</summary>
    public float LogitScale { get; }

    /// <summary>Floats per embedding.</summary>
    public int EmbeddingDimension => _positive.Length;

    /// <summary>Embeds the policy's prompts with <paramref name="model"/>'s text encoder (one batched run).</summary>
    public static ModerationScorer Create(
        ClipModel model,
        ModerationPolicy policy,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(policy);
        EmbeddingBatch all = model.TextEncoder.Encode(
            [.. policy.PositivePrompts, .. policy.NegativePrompts],
            cancellationToken);
        int dimension = all.Dimension;
        int positives = policy.PositivePrompts.Count;
        var positive = new EmbeddingBatch(all.Values[..(positives * dimension)].ToArray(), dimension);
        var negative = new EmbeddingBatch(all.Values[(positives * dimension)..].ToArray(), dimension);
        return new ModerationScorer(policy, positive, negative, model.LogitScale);
    }

    /// <summary>p(v) for one unit-length embedding (image or text): the positive side's probability.</summary>
    public float PositiveProbability(ReadOnlySpan<float> embedding)
    {
        if (embedding.Length != EmbeddingDimension)
        {
            throw new ArgumentException(
                $"Policy '{Policy.Name}' was embedded with {EmbeddingDimension} floats; got {embedding.Length}.",
                nameof(embedding));
        }

        return ZeroShotMath.TwoWayProbability(
            LogitScale * VectorMath.Dot(embedding, _positive),
            LogitScale * VectorMath.Dot(embedding, _negative));
    }

    /// <summary>
    /// Scores an image. When the policy uses image text and <paramref name="textEmbedding"/> (the embedding of the
    /// text printed on the image) is given, the score is (1 − w)·p(image) + w·p(text) with w the policy's text
    /// weight: a mean of the two probabilities, so each channel's evidence is bounded and a missing or empty text
    /// can simply be left out. Otherwise the score is p(image).
    /// </summary>
    public ModerationScore Score(ReadOnlySpan<float> imageEmbedding, ReadOnlySpan<float> textEmbedding = default)
    {
        float image = PositiveProbability(imageEmbedding);
        float? text = Policy.UseImageText && !textEmbedding.IsEmpty ? PositiveProbability(textEmbedding) : null;
        float score = text is { } t ? ((1f - Policy.TextWeight) * image) + (Policy.TextWeight * t) : image;
        return new ModerationScore(score, Policy.Decide(score), image, text);
    }

    private static float[] Ensemble(EmbeddingBatch prompts)
    {
        float[] combined = new float[prompts.Dimension];
        PromptEnsemble.Combine(prompts.Values, prompts.Dimension, combined);
        return combined;
    }
}
