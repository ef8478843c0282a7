using System.Buffers;
using Clip.Core.Text;
using Microsoft.ML.OnnxRuntime;

namespace Clip.Core.Embeddings;

/// <summary>
/// The text encoder: turns token id rows into L2-normalised embeddings. Safe to call from several threads at once.
/// </summary>
public sealed class ClipTextEncoder
{
    private readonly OnnxTower _tower;
    private readonly bool _feedsAttentionMask;
    private readonly ClipTokenizer _tokenizer;

    internal ClipTextEncoder(
        OnnxTower tower,
        bool feedsAttentionMask,
        ClipTokenizer tokenizer,
        int embeddingDimension,
        int maxBatchSize)
    {
        _tower = tower;
        _feedsAttentionMask = feedsAttentionMask;
        _tokenizer = tokenizer;
        EmbeddingDimension = embeddingDimension;
        MaxBatchSize = maxBatchSize;
    }

    /// <summary>Ids per text row.</summary>
    public int ContextLength => _tokenizer.ContextLength;

    /// <summary>The end-of-text id; the attention mask covers each row up to and including its first one.</summary>
    public int EndOfTextTokenId => _tokenizer.EndOfTextId;

    /// <summary>Floats per embedding.</summary>
    public int EmbeddingDimension { get; }

    /// <summary>Texts per ONNX Runtime run; larger inputs are split.</summary>
    public int MaxBatchSize { get; }

    /// <summary>Tokenizes <paramref name="texts"/> and embeds them.</summary>
    public EmbeddingBatch Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        int length = ContextLength;
        long[] ids = ArrayPool<long>.Shared.Rent(Math.Max(1, texts.Count * length));
        try
        {
            for (int i = 0; i < texts.Count; i++)
            {
                _tokenizer.Encode(texts[i], ids.AsSpan(i * length, length));
            }

            return Encode(ids.AsSpan(0, texts.Count * length), texts.Count, cancellationToken);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ids);
        }
    }

    /// <summary>Embeds <paramref name="count"/> rows of <see cref="ContextLength"/> token ids.</summary>
    public EmbeddingBatch Encode(ReadOnlySpan<long> ids, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int length = ContextLength;
        if (ids.Length != (long)count * length)
        {
            throw new ArgumentException(
                $"{count} rows of {length} ids need {(long)count * length} values; got {ids.Length}.",
                nameof(ids));
        }

        var result = new EmbeddingBatch(count, EmbeddingDimension);
        if (count == 0)
        {
            return result;
        }

        int chunk = Math.Min(count, MaxBatchSize);
        long[] idBuffer = ArrayPool<long>.Shared.Rent(chunk * length);
        long[] maskBuffer = ArrayPool<long>.Shared.Rent(chunk * length);
        try
        {
            using var run = new TowerRun(cancellationToken);
            for (int start = 0; start < count; start += chunk)
            {
                int n = Math.Min(chunk, count - start);
                ids.Slice(start * length, n * length).CopyTo(idBuffer);
                RunChunk(run, idBuffer.AsMemory(0, n * length), maskBuffer.AsMemory(0, n * length), result, start, n);
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(idBuffer);
            ArrayPool<long>.Shared.Return(maskBuffer);
        }

        result.NormalizeRows();
        return result;
    }

    private void RunChunk(TowerRun run, Memory<long> ids, Memory<long> mask, EmbeddingBatch result, int start, int n)
    {
        long[] shape = [n, ContextLength];
        using OrtValue idValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, ids, shape);
        using OrtValue output = OrtValue.CreateTensorValueFromMemory(
            OrtMemoryInfo.DefaultInstance,
            result.WritableRows(start, n),
            [n, EmbeddingDimension]);
        if (!_feedsAttentionMask)
        {
            _tower.Run(run, [idValue], output);
            return;
        }

        AttentionMask.Fill(ids.Span, ContextLength, EndOfTextTokenId, mask.Span);
        using OrtValue maskValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, mask, shape);
        _tower.Run(run, [idValue, maskValue], output);
    }
}
