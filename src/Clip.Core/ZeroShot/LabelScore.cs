namespace Clip.Core.ZeroShot;

/// <summary>One label given to an image.</summary>
/// <param name="Label">The class name.</param>
/// <param name="ClassIndex">The class's position in its label set.</param>
/// <param name="Probability">
/// From <see cref="ZeroShotClassifier.Classify"/>: the softmax probability over the whole label set. From
/// <see cref="ZeroShotClassifier.ClassifyMultiLabel"/>: the per-label probability against the background.
/// </param>
/// <param name="Cosine">Cosine similarity of the image and class embeddings, in [-1, 1].</param>
public readonly record struct LabelScore(string Label, int ClassIndex, float Probability, float Cosine);
