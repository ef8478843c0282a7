using System.Buffers;
using Microsoft.ML.OnnxRuntime;

namespace Clip.Core.Embeddings;

/// <summary>
/// The image encoder: turns preprocessed images (float32, channels first, normalised) into L2-normalised
/// embeddings. Safe to call from several threads at once.
/// </summary>
public sealed class ClipImageEncoder
{
    private readonly OnnxTower _tower;

    internal ClipImageEncoder(
        OnnxTower tower,
        int imageHeight,
        int imageWidth,
        int embeddingDimension,
        int maxBatchSize)
    {
        _tower = tower;
        ImageHeight = imageHeight;
        ImageWidth = imageWidth;
        EmbeddingDimension = embeddingDimension;
        MaxBatchSize = maxBatchSize;
    }

    /// <summary>Input height in pixels.</summary>
    public int ImageHeight { get; }

    /// <summary>Input width in pixels.</summary>
    public int ImageWidth { get; }

    /// <summary>Floats per image: 3 × <see cref="ImageHeight"/> × <see cref="ImageWidth"/>.</summary>
    public int ValuesPerImage => 3 * ImageHeight * ImageWidth;

    /// <summary>Floats per embedding.</summary>
    public int EmbeddingDimension { get; }

    /// <summary>Images per ONNX Runtime run; larger inputs are split.</summary>
    public int MaxBatchSize { get; }

    /// <summary>
    /// Embeds <paramref name="count"/> images laid out one after another as [count, 3, height, width].
    /// </summary>
    public EmbeddingBatch Encode(
        ReadOnlySpan<float> pixelValues,
        int count,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int perImage = ValuesPerImage;
        if (pixelValues.Length != (long)count * perImage)
        {
            throw new ArgumentException(
                $"{count} images of 3x{ImageHeight}x{ImageWidth} need {(long)count * perImage} values; " +
                $"got {pixelValues.Length}.",
                nameof(pixelValues));
        }

        var result = new EmbeddingBatch(count, EmbeddingDimension);
        if (count == 0)
        {
            return result;
        }

        int chunk = Math.Min(count, MaxBatchSize);
        float[] buffer = ArrayPool<float>.Shared.Rent(chunk * perImage);
        try
        {
            using var run = new TowerRun(cancellationToken);
            for (int start = 0; start < count; start += chunk)
            {
                int n = Math.Min(chunk, count - start);
                pixelValues.Slice(start * perImage, n * perImage).CopyTo(buffer);
                using OrtValue input = OrtValue.CreateTensorValueFromMemory(
                    OrtMemoryInfo.DefaultInstance,
                    buffer.AsMemory(0, n * perImage),
                    [n, 3, ImageHeight, ImageWidth]);
                using OrtValue output = OrtValue.CreateTensorValueFromMemory(
                    OrtMemoryInfo.DefaultInstance,
                    result.WritableRows(start, n),
                    [n, EmbeddingDimension]);
                _tower.Run(run, [input], output);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }

        result.NormalizeRows();
        return result;
    }
}
