using System.Buffers;
using System.Runtime.CompilerServices;
using Clip.Core.Embeddings;
using Clip.Core.Imaging;
using Clip.Core.Imaging.Decoding;
using Clip.Core.Imaging.Preprocessing;
using Clip.Core.Models;

namespace Clip.Cli.Common;

/// <summary>
/// Embeds image files in batches of the model's batch size: each batch is decoded and preprocessed in parallel,
/// then encoded in one run. A file that cannot be read or decoded gets an error result; the batch goes on.
/// </summary>
internal sealed class ImageEmbedder
{
    private readonly ClipModel _model;
    private readonly ImageLoader _loader;
    private readonly ClipImagePreprocessor _preprocessor;

    public ImageEmbedder(ClipModel model, ImageLoader loader)
    {
        _model = model;
        _loader = loader;
        _preprocessor = new ClipImagePreprocessor(model.PreprocessingSpec, new ClipPreprocessorOptions());
    }

    /// <summary>One result per path, in the order given.</summary>
    public async IAsyncEnumerable<ImageResult> EmbedAsync(
        IEnumerable<string> paths,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ClipImageEncoder encoder = _model.ImageEncoder;
        int perImage = encoder.ValuesPerImage;
        foreach (string[] batch in paths.Chunk(encoder.MaxBatchSize))
        {
            float[] pixels = ArrayPool<float>.Shared.Rent(batch.Length * perImage);
            try
            {
                string?[] errors = await PrepareAsync(batch, pixels, perImage, cancellationToken);
                int ready = CompactReady(errors, pixels, perImage);
                EmbeddingBatch embeddings = encoder.Encode(
                    pixels.AsSpan(0, ready * perImage),
                    ready,
                    cancellationToken);
                int row = 0;
                for (int i = 0; i < batch.Length; i++)
                {
                    yield return errors[i] is { } error
                        ? new ImageResult(batch[i], null, error)
                        : new ImageResult(batch[i], embeddings.RowToArray(row++), null);
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(pixels);
            }
        }
    }

    private async Task<string?[]> PrepareAsync(
        string[] batch,
        float[] pixels,
        int perImage,
        CancellationToken cancellationToken)
    {
        string?[] errors = new string?[batch.Length];
        await Parallel.ForAsync(0, batch.Length, cancellationToken, async (i, token) =>
        {
            try
            {
                using DecodedImage image = await _loader.LoadFileAsync(batch[i], token);
                _preprocessor.Preprocess(image, pixels.AsSpan(i * perImage, perImage));
            }
            catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
            {
                errors[i] = e.Message;
            }
        });
        return errors;
    }

    /// <summary>Moves the images that were prepared to the front, in order; returns how many there are.</summary>
    private static int CompactReady(string?[] errors, float[] pixels, int perImage)
    {
        int ready = 0;
        for (int i = 0; i < errors.Length; i++)
        {
            if (errors[i] is not null)
            {
                continue;
            }

            if (ready != i)
            {
                pixels.AsSpan(i * perImage, perImage).CopyTo(pixels.AsSpan(ready * perImage, perImage));
            }

            ready++;
        }

        return ready;
    }
}
