using Clip.Core.Embeddings;
using Clip.Core.Imaging;
using Clip.Core.Imaging.Decoding;
using Clip.Core.Imaging.Preprocessing;
using Clip.Core.Models;

namespace Clip.Core.Probes;

/// <summary>
/// Embeds image files for offline work such as training probes: decode, preprocess as the model expects, encode in
/// batches. A file that cannot be read or decoded becomes an <see cref="ImageFileFailure"/>, never an exception.
/// </summary>
public sealed class ImageFileEmbedder
{
    /// <summary>Images encoded per image encoder call unless told otherwise.</summary>
    public const int DefaultBatchSize = 32;

    private readonly ClipModel _model;
    private readonly ImageLoader _loader;
    private readonly ClipImagePreprocessor _preprocessor;
    private readonly int _batchSize;

    /// <summary>
    /// Creates an embedder. The preprocessor must produce the image encoder's input size; throws
    /// <see cref="ArgumentException"/> otherwise.
    /// </summary>
    public ImageFileEmbedder(
        ClipModel model,
        ImageLoader loader,
        ClipImagePreprocessor preprocessor,
        int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(preprocessor);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (preprocessor.Spec.TensorLength != model.ImageEncoder.ValuesPerImage)
        {
            throw new ArgumentException(
                $"The preprocessor makes {preprocessor.Spec.TensorLength} floats per image; model '{model.Name}' " +
                $"takes {model.ImageEncoder.ValuesPerImage}.",
                nameof(preprocessor));
        }

        _model = model;
        _loader = loader;
        _preprocessor = preprocessor;
        _batchSize = batchSize;
    }

    /// <summary>An embedder with default decoding options and the model's own preprocessing.</summary>
    public static ImageFileEmbedder Create(ClipModel model, int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new ImageFileEmbedder(
            model,
            new ImageLoader(new ImageDecodingOptions()),
            new ClipImagePreprocessor(model.PreprocessingSpec, new ClipPreprocessorOptions()),
            batchSize);
    }

    /// <summary>The model whose image encoder embeds.</summary>
    public ClipModel Model => _model;

    /// <summary>The feature source of what this embedder produces.</summary>
    public FeatureSource Source => FeatureSource.ImageEmbeddings(_model);

    /// <summary>Embeds every readable file of <paramref name="paths"/>.</summary>
    public async Task<ImageFileEmbeddings> EmbedAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        int perImage = _preprocessor.Spec.TensorLength;
        float[] pixels = new float[_batchSize * perImage];
        var values = new List<float>();
        var embedded = new List<int>();
        var failures = new List<ImageFileFailure>();
        var batch = new List<int>(_batchSize);
        for (int i = 0; i < paths.Count; i++)
        {
            string? failure = await TryPrepareAsync(
                paths[i],
                pixels.AsMemory(batch.Count * perImage, perImage),
                cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                failures.Add(new ImageFileFailure(paths[i], failure));
            }
            else
            {
                batch.Add(i);
            }

            if (batch.Count == _batchSize || (i == paths.Count - 1 && batch.Count > 0))
            {
                EmbeddingBatch rows = _model.ImageEncoder.Encode(
                    pixels.AsSpan(0, batch.Count * perImage),
                    batch.Count,
                    cancellationToken);
                values.AddRange(rows.Values.ToArray());
                embedded.AddRange(batch);
                batch.Clear();
            }
        }

        var embeddings = new EmbeddingBatch([.. values], _model.EmbeddingDimension);
        return new ImageFileEmbeddings(embeddings, embedded, failures);
    }

    /// <summary>Decodes and preprocesses one file into <paramref name="destination"/>; returns why it failed.</summary>
    private async Task<string?> TryPrepareAsync(
        string path,
        Memory<float> destination,
        CancellationToken cancellationToken)
    {
        try
        {
            using DecodedImage image = await _loader.LoadFileAsync(path, cancellationToken).ConfigureAwait(false);
            _preprocessor.Preprocess(image, destination.Span);
            return null;
        }
        catch (Exception e) when (e is ImageDecodeException or IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }
}
