using Pipeline.Contracts;
using Pipeline.Storage.Results;

namespace Pipeline.Processing.Engine;

/// <summary>
/// What a worker needs from CLIP: turn image bytes into model input, encode a batch, score label sets, policies and
/// linear probes.
/// One instance serves all batches of a process; implementations are thread-safe.
/// </summary>
public interface IClipEngine
{
    /// <summary>Name of the model, as stored with every embedding.</summary>
    string ModelName { get; }

    /// <summary>Content hash of the model's files: linear probes name the model they were trained on by it.</summary>
    string ModelContentHash { get; }

    /// <summary>Length of each embedding.</summary>
    int EmbeddingDimension { get; }

    /// <summary>Number of floats of one preprocessed image (3 × height × width).</summary>
    int ImageTensorLength { get; }

    /// <summary>
    /// Decodes, orients and preprocesses one image into <paramref name="destination"/>.
    /// Throws <see cref="ImageRejectedException"/> when the bytes are not a usable image.
    /// </summary>
    PreparedImage PrepareImage(
        ReadOnlyMemory<byte> encoded,
        Span<float> destination,
        CancellationToken cancellationToken);

    /// <summary>Encodes <paramref name="count"/> preprocessed images into L2-normalised embeddings.</summary>
    void EncodeImages(ReadOnlySpan<float> pixels, int count, Span<float> embeddings);

    /// <summary>
    /// Embeds the prompts of the tasks' label sets and policies and builds their linear probes now (they are
    /// cached), so that a large label set costs its time before the first batch instead of inside it.
    /// </summary>
    void Prepare(JobTasks tasks);

    /// <summary>The score and decision of each policy for each embedding.</summary>
    IReadOnlyList<ImageModeration>[] Moderate(
        IReadOnlyList<ModerationPolicyDefinition> policies,
        ReadOnlySpan<float> embeddings,
        int count);

    /// <summary>The top labels of each label set for each embedding, best first.</summary>
    IReadOnlyList<ImageLabel>[] Classify(
        IReadOnlyList<LabelSetDefinition> labelSets,
        ReadOnlySpan<float> embeddings,
        int count,
        int topK);

    /// <summary>
    /// The top labels of each linear probe for each embedding, best first, with the probe's class probabilities;
    /// labels below a probe's minimum probability are left out. Throws <see cref="InvalidOperationException"/>
    /// when a probe was trained for another model or on other features than image embeddings.
    /// </summary>
    IReadOnlyList<ImageLabel>[] ApplyProbes(
        IReadOnlyList<LinearProbeDefinition> probes,
        ReadOnlySpan<float> embeddings,
        int count,
        int topK);
}
