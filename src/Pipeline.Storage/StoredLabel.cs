namespace Pipeline.Storage;

/// <summary>A label as stored for an image.</summary>
/// <param name="ModelId">Model that produced the score.</param>
/// <param name="LabelSet">Name of the label set.</param>
/// <param name="Label">Class name.</param>
/// <param name="Score">Score of the label.</param>
/// <param name="Rank">Rank within the label set for this image and model, 1 being the best.</param>
public sealed record StoredLabel(int ModelId, string LabelSet, string Label, float Score, int Rank);
