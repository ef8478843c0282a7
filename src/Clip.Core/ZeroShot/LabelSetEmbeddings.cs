using Clip.Core.Embeddings;

namespace Clip.Core.ZeroShot;

/// <summary>A label set's text embeddings under one model: one per class, and the background.</summary>
/// <param name="Classes">One unit-length row per class, in the label set's order.</param>
/// <param name="Background">The unit-length ensemble of the background prompts.</param>
public sealed record LabelSetEmbeddings(EmbeddingBatch Classes, float[] Background);
