using Clip.Core.Imaging;
using Clip.Core.Imaging.Decoding;
using Clip.Core.Imaging.Preprocessing;
using Clip.Core.Models;
using Pipeline.Storage;

namespace Pipeline.Processing.Curation;

/// <summary>
/// Turns a search query (a text, or an image file that is not stored) into an embedding with the same model files
/// that produced the stored embeddings: a query from other weights would land in another space, so the files'
/// content hash must equal the hash the model was registered with.
/// </summary>
public sealed class QueryEncoder : IDisposable
{
    private readonly ClipModel _model;
    private readonly ImageLoader _loader;

    /// <summary>Wraps a loaded model; <paramref name="decoding"/> limits query images like stored ones.</summary>
    public QueryEncoder(ClipModel model, ImageDecodingOptions? decoding = null)
    {
        _model = model;
        _loader = new ImageLoader(decoding ?? new ImageDecodingOptions());
    }

    /// <summary>The loaded model, for label sets to be embedded with it.</summary>
    public ClipModel Model => _model;

    /// <summary>What the loaded files are.</summary>
    public ClipModelInfo Info => _model.Info;

    /// <summary>Loads the model folder.</summary>
    public static QueryEncoder Load(string directory) => new(ClipModel.Load(directory));

    /// <summary>Throws unless the loaded files are the ones <paramref name="model"/> was registered from.</summary>
    public void EnsureMatches(ModelRecord model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!string.Equals(model.FileHash, Info.ContentHash, StringComparison.Ordinal)
            || model.EmbeddingDim != Info.EmbeddingDimension)
        {
            throw new InvalidOperationException(
                $"The model files in {Info.Directory} are not those of {model.Name} {model.Version} (content hash " +
                $"{Info.ContentHash[..12]}, registered {model.FileHash[..Math.Min(12, model.FileHash.Length)]}); " +
                "queries must be encoded with the model that made the stored embeddings.");
        }
    }

    /// <summary>The unit-length embedding of a text.</summary>
    public float[] EncodeText(string text, CancellationToken cancellationToken) =>
        _model.TextEncoder.Encode([text], cancellationToken).RowToArray(0);

    /// <summary>The unit-length embedding of an image file, decoded under the decoding limits.</summary>
    public async Task<float[]> EncodeImageFileAsync(string path, CancellationToken cancellationToken)
    {
        using DecodedImage image = await _loader.LoadFileAsync(path, cancellationToken).ConfigureAwait(false);
        var preprocessor = new ClipImagePreprocessor(_model.PreprocessingSpec, new ClipPreprocessorOptions());
        float[] pixels = new float[_model.ImageEncoder.ValuesPerImage];
        preprocessor.Preprocess(image, pixels);
        return _model.ImageEncoder.Encode(pixels, 1, cancellationToken).RowToArray(0);
    }

    /// <inheritdoc />
    public void Dispose() => _model.Dispose();
}
