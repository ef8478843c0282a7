using System.Collections.Concurrent;
using Clip.Core.Embeddings;
using Clip.Core.Models;

namespace Clip.Core.ZeroShot;

/// <summary>
/// Text embeddings of label sets, computed once per (model content, label set content) and shared by every caller
/// and thread. Two label sets with the same prompts share an entry; a changed prompt or model makes a new one.
/// </summary>
/// <remarks>
/// Entries are kept for the cache's lifetime: a process serves a handful of label sets, each a few kilobytes per
/// model. A failed or cancelled computation is not kept; the next caller computes again.
/// </remarks>
public sealed class LabelSetEmbeddingCache
{
    private readonly ConcurrentDictionary<(string Model, string LabelSet), Lazy<LabelSetEmbeddings>> _entries = new();

    /// <summary>Number of cached label sets.</summary>
    public int Count => _entries.Count;

    /// <summary>The embeddings of <paramref name="labelSet"/> under <paramref name="model"/>.</summary>
    public LabelSetEmbeddings GetOrCreate(
        ClipModel model,
        LabelSet labelSet,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return GetOrCreate(
            model.Info.ContentHash,
            labelSet,
            prompts => model.TextEncoder.Encode(prompts, cancellationToken));
    }

    internal LabelSetEmbeddings GetOrCreate(
        string modelKey,
        LabelSet labelSet,
        Func<IReadOnlyList<string>, EmbeddingBatch> encode)
    {
        ArgumentNullException.ThrowIfNull(labelSet);
        var key = (modelKey, labelSet.ContentHash);
        Lazy<LabelSetEmbeddings> entry = _entries.GetOrAdd(
            key,
            _ => new Lazy<LabelSetEmbeddings>(() => PromptEnsemble.Embed(labelSet, encode)));
        try
        {
            return entry.Value;
        }
        catch
        {
            // Lazy keeps a thrown exception for good; drop this entry (only this one) so a later call retries.
            _entries.TryRemove(new KeyValuePair<(string, string), Lazy<LabelSetEmbeddings>>(key, entry));
            throw;
        }
    }
}
