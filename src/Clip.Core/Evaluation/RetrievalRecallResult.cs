namespace Clip.Core.Evaluation;

/// <summary>The outcome of <see cref="RetrievalRecall.Compute"/>, one entry per K in the order asked.</summary>
/// <param name="ImageToText">Recall of images as queries over the captions.</param>
/// <param name="TextToImage">Recall of captions as queries over the images.</param>
/// <param name="ImageQueries">Images used as queries: those with at least one caption.</param>
/// <param name="TextQueries">Captions used as queries: all of them.</param>
public sealed record RetrievalRecallResult(
    IReadOnlyList<RecallAtK> ImageToText,
    IReadOnlyList<RecallAtK> TextToImage,
    int ImageQueries,
    int TextQueries);
