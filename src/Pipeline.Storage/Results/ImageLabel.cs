namespace Pipeline.Storage.Results;

/// <summary>One label given to an image by a label set.</summary>
/// <param name="LabelSet">Name of the label set.</param>
/// <param name="Label">The class name.</param>
/// <param name="Score">Probability of the class under the label set's softmax.</param>
/// <param name="Rank">1 for the best label of the set, 2 for the next, and so on.</param>
public sealed record ImageLabel(string LabelSet, string Label, float Score, int Rank);
