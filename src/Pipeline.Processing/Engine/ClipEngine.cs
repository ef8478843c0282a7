using System.Collections.Concurrent;
using System.Text.Json;
using Clip.Core.Imaging;
using Clip.Core.Imaging.Decoding;
using Clip.Core.Imaging.Preprocessing;
using Clip.Core.Models;
using Clip.Core.Moderation;
using Clip.Core.ZeroShot;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts;
using Pipeline.Processing.LabelSets;
using Pipeline.Storage.Results;

namespace Pipeline.Processing.Engine;

/// <summary>
/// The CLIP core behind <see cref="IClipEngine"/>: the safe image loader, the reference preprocessing, the ONNX
/// image encoder, one zero-shot classifier per label set (whose text embeddings are computed once), and one linear
/// probe per probe definition.
/// </summary>
public sealed class ClipEngine : IClipEngine, IDisposable
{
    private readonly ClipModel _model;
    private readonly ImageLoader _loader;
    private readonly ClipImagePreprocessor _preprocessor;
    private readonly ConcurrentDictionary<string, Lazy<LabelSetScorer>> _labelSets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<ModerationScorer>> _policies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<ProbeScorer>> _probes = new(StringComparer.Ordinal);
    private readonly LabelSetEmbeddingCache _textCache = new();

    // One image-encoder run at a time: a run already keeps every operator thread busy, and two runs at once on the
    // same cores stall each other's parallel operators. Concurrent batches overlap decoding with encoding instead.
    private readonly Lock _encoderRun = new();

    private ClipEngine(
        ClipModel model,
        ImageLoader loader,
        ClipImagePreprocessor preprocessor)
    {
        _model = model;
        _loader = loader;
        _preprocessor = preprocessor;
    }

    /// <inheritdoc />
    public string ModelName => _model.Name;

    /// <inheritdoc />
    public string ModelContentHash => _model.Info.ContentHash;

    /// <inheritdoc />
    public int EmbeddingDimension => _model.EmbeddingDimension;

    /// <inheritdoc />
    public int ImageTensorLength => _preprocessor.Spec.TensorLength;

    /// <summary>The loaded model.</summary>
    public ClipModel Model => _model;

    /// <summary>Loads the model; label sets are embedded the first time a batch asks for them.</summary>
    public static ClipEngine Create(ClipEngineOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ClipModel model = ClipModel.Load(options.ModelDirectory, options.Model, logger);
        try
        {
            var preprocessor = new ClipImagePreprocessor(model.PreprocessingSpec, options.Preprocessing);
            ImageDecodingOptions decoding = options.Decoding;
            if (options.ReducedJpegDecoding)
            {
                decoding = decoding.With(minimumShortSide: model.PreprocessingSpec.ShortestEdge);
            }

            return new ClipEngine(model, new ImageLoader(decoding, logger), preprocessor);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public PreparedImage PrepareImage(
        ReadOnlyMemory<byte> encoded,
        Span<float> destination,
        CancellationToken cancellationToken)
    {
        DecodedImage image;
        try
        {
            image = _loader.Load(encoded, cancellationToken);
        }
        catch (ImageDecodeException e)
        {
            throw new ImageRejectedException(KindOf(e.Error), e.Message, e);
        }

        using (image)
        {
            _preprocessor.Preprocess(image, destination);
            return new PreparedImage(image.FullWidth, image.FullHeight);
        }
    }

    /// <inheritdoc />
    public void EncodeImages(ReadOnlySpan<float> pixels, int count, Span<float> embeddings)
    {
        lock (_encoderRun)
        {
            var batch = _model.ImageEncoder.Encode(pixels, count);
            batch.Values.CopyTo(embeddings);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<ImageLabel>[] Classify(
        IReadOnlyList<LabelSetDefinition> labelSets,
        ReadOnlySpan<float> embeddings,
        int count,
        int topK)
    {
        ArgumentNullException.ThrowIfNull(labelSets);
        var scorers = labelSets.Select(ScorerFor).ToList();
        int dimension = EmbeddingDimension;
        var result = new IReadOnlyList<ImageLabel>[count];
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<float> embedding = embeddings.Slice(i * dimension, dimension);
            var labels = new List<ImageLabel>();
            foreach (LabelSetScorer scorer in scorers)
            {
                labels.AddRange(scorer.Score(embedding, topK));
            }

            result[i] = labels;
        }

        return result;
    }

    /// <inheritdoc />
    public void Prepare(JobTasks tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        foreach (LabelSetDefinition labelSet in tasks.LabelSets)
        {
            ScorerFor(labelSet);
        }

        foreach (ModerationPolicyDefinition policy in tasks.PolicyList)
        {
            ScorerFor(policy);
        }

        foreach (LinearProbeDefinition probe in tasks.ProbeList)
        {
            ScorerFor(probe);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<ImageLabel>[] ApplyProbes(
        IReadOnlyList<LinearProbeDefinition> probes,
        ReadOnlySpan<float> embeddings,
        int count,
        int topK)
    {
        ArgumentNullException.ThrowIfNull(probes);
        var scorers = probes.Select(ScorerFor).ToList();
        int dimension = EmbeddingDimension;
        var result = new IReadOnlyList<ImageLabel>[count];
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<float> embedding = embeddings.Slice(i * dimension, dimension);
            var labels = new List<ImageLabel>();
            foreach (ProbeScorer scorer in scorers)
            {
                labels.AddRange(scorer.Score(embedding, topK));
            }

            result[i] = labels;
        }

        return result;
    }

    /// <inheritdoc />
    public IReadOnlyList<ImageModeration>[] Moderate(
        IReadOnlyList<ModerationPolicyDefinition> policies,
        ReadOnlySpan<float> embeddings,
        int count)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var scorers = policies.Select(ScorerFor).ToList();
        int dimension = EmbeddingDimension;
        var result = new IReadOnlyList<ImageModeration>[count];
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<float> embedding = embeddings.Slice(i * dimension, dimension);
            var scores = new ImageModeration[scorers.Count];
            for (int p = 0; p < scorers.Count; p++)
            {
                ModerationScore score = scorers[p].Score(embedding);
                scores[p] = new ImageModeration(scorers[p].Policy.Name, score.Score, ToStored(score.Decision));
            }

            result[i] = scores;
        }

        return result;
    }

    /// <inheritdoc />
    public void Dispose() => _model.Dispose();

    private ModerationScorer ScorerFor(ModerationPolicyDefinition definition)
    {
        string key = JsonSerializer.Serialize(definition);
        return _policies.GetOrAdd(key, _ => new Lazy<ModerationScorer>(() => ModerationScorer.Create(
            _model,
            new ModerationPolicy(definition.Name, definition.PositivePrompts, definition.NegativePrompts,
                definition.FlagThreshold, definition.ReviewThreshold)))).Value;
    }

    private ProbeScorer ScorerFor(LinearProbeDefinition definition)
    {
        // Keyed by the whole definition: retrained weights under the same name make a new probe.
        string key = JsonSerializer.Serialize(definition);
        return _probes.GetOrAdd(key, _ => new Lazy<ProbeScorer>(() => ProbeScorer.Create(definition, _model)))
            .Value;
    }

    private static Pipeline.Storage.ModerationDecision ToStored(Clip.Core.Moderation.ModerationDecision decision) =>
        decision switch
        {
            Clip.Core.Moderation.ModerationDecision.Flag => Pipeline.Storage.ModerationDecision.Flag,
            Clip.Core.Moderation.ModerationDecision.Review => Pipeline.Storage.ModerationDecision.Review,
            _ => Pipeline.Storage.ModerationDecision.Pass,
        };

    private LabelSetScorer ScorerFor(LabelSetDefinition definition)
    {
        // Keyed by the whole definition: a job that changes a class or a prompt gets new text embeddings.
        string key = JsonSerializer.Serialize(definition);
        return _labelSets.GetOrAdd(key, _ => new Lazy<LabelSetScorer>(() => new LabelSetScorer(
            ZeroShotClassifier.Create(_model, definition.ToLabelSet(), _textCache), definition))).Value;
    }

    private static string KindOf(ImageDecodeError error) => error switch
    {
        ImageDecodeError.Empty => "empty",
        ImageDecodeError.NotAnImage => "not-an-image",
        ImageDecodeError.Unsupported => "unsupported",
        ImageDecodeError.Corrupt => "corrupt",
        ImageDecodeError.Truncated => "truncated",
        ImageDecodeError.TooLarge => "too-large",
        ImageDecodeError.Timeout => "timeout",
        _ => "decode-failed",
    };

    private sealed record LabelSetScorer(ZeroShotClassifier Classifier, LabelSetDefinition Definition)
    {
        public IEnumerable<ImageLabel> Score(ReadOnlySpan<float> embedding, int topK)
        {
            IReadOnlyList<LabelScore> scores = Definition.MultiLabel
                ? Classifier.ClassifyMultiLabel(embedding, Definition.DefaultThreshold)
                : Classifier.Classify(embedding, Math.Min(topK, Definition.Classes.Count));
            return scores.Select((s, rank) => new ImageLabel(Definition.Name, s.Label, s.Probability, rank + 1));
        }
    }
}
