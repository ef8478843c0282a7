using Clip.Core.Embeddings;

namespace Clip.Core.Probes;

/// <summary>What <see cref="ImageFileEmbedder.EmbedAsync"/> made of a list of files.</summary>
/// <param name="Embeddings">One unit-length row per file that was read, in input order.</param>
/// <param name="Embedded">The input position of each row of <paramref name="Embeddings"/>.</param>
/// <param name="Failures">The files that could not be read or decoded, in input order.</param>
public sealed record ImageFileEmbeddings(
    EmbeddingBatch Embeddings,
    IReadOnlyList<int> Embedded,
    IReadOnlyList<ImageFileFailure> Failures);
