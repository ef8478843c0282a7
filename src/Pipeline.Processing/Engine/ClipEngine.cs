using Clip.Core.Imaging;
using Clip.Core.Imaging.Decoding;
using Clip.Core.Imaging.Preprocessing;
using Clip.Core.Models;
using Clip.Core.ZeroShot;
using Microsoft.Extensions.Logging;
using Pipeline.Processing.LabelSets;
using Pipeline.Storage.Results;

namespace Pipeline.Processing.Engine;

/// <summary>
/// The CLIP core behind <see cref="IClipEngine"/>: the safe image loader, the reference preprocessing, the ONNX
/// image encoder, and one zero-shot classifier per label set (whose text embeddings are computed once).
/// </summary>
public sealed class ClipEngine : IClipEngine, IDisposable
{
    private readonly ClipModel _model;
    private readonly ImageLoader _loader;
    private readonly ClipImagePreprocessor _preprocessor;
    private readonly Dictionary<string, LabelSetScorer> _labelSets;

    private ClipEngine(
        ClipModel model,
        ImageLoader loader,
        ClipImagePreprocessor preprocessor,
        Dictionary<string, LabelSetScorer> labelSets)
    {
        _model = model;
        _loader = loader;
        _preprocessor = preprocessor;
        _labelSets = labelSets;
    }

    /// <inheritdoc />
    public string ModelName => _model.Name;

    /// <inheritdoc />
    public int EmbeddingDimension => _model.EmbeddingDimension;

    /// <inheritdoc />
    public int ImageTensorLength => _preprocessor.Spec.TensorLength;

    /// <summary>The loaded model.</summary>
    public ClipModel Model => _model;

    /// <summary>Loads the model and embeds the prompts of every label set.</summary>
    public static ClipEngine Create(
        ClipEngineOptions options,
        IEnumerable<LabelSetDefinition> labelSets,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(labelSets);
        options.Validate();
        ClipModel model = ClipModel.Load(options.ModelDirectory, options.Model, logger);
        try
        {
            var preprocessor = new ClipImagePreprocessor(model.PreprocessingSpec, options.Preprocessing);
            var cache = new LabelSetEmbeddingCache();
            var scorers = new Dictionary<string, LabelSetScorer>(StringComparer.Ordinal);
            foreach (LabelSetDefinition definition in labelSets)
            {
                LabelSet set = definition.ToLabelSet();
                var classifier = ZeroShotClassifier.Create(model, set, cache);
                if (!scorers.TryAdd(set.Name, new LabelSetScorer(classifier, definition)))
                {
                    throw new ArgumentException($"Two label sets are named '{set.Name}'.");
                }
            }

            return new ClipEngine(model, new ImageLoader(options.Decoding), preprocessor, scorers);
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
            return new PreparedImage(image.Width, image.Height);
        }
    }

    /// <inheritdoc />
    public void EncodeImages(ReadOnlySpan<float> pixels, int count, Span<float> embeddings)
    {
        var batch = _model.ImageEncoder.Encode(pixels, count);
        batch.Values.CopyTo(embeddings);
    }

    /// <inheritdoc />
    public IReadOnlyList<ImageLabel>[] Classify(
        IReadOnlyList<string> labelSets,
        ReadOnlySpan<float> embeddings,
        int count,
        int topK)
    {
        ArgumentNullException.ThrowIfNull(labelSets);
        var scorers = labelSets.Select(name => _labelSets.TryGetValue(name, out LabelSetScorer? s)
            ? s
            : throw new ArgumentException($"The label set '{name}' is not loaded in this worker.")).ToList();
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
    public void Dispose() => _model.Dispose();

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
