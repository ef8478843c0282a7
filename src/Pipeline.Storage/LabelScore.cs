namespace Pipeline.Storage;

/// <summary>One label of a label set with the score an image got for it.</summary>
/// <param name="Label">Class name from the label set.</param>
/// <param name="Score">Probability or similarity that the scorer gave.</param>
public sealed record LabelScore(string Label, float Score);
