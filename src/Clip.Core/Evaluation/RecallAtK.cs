namespace Clip.Core.Evaluation;

/// <summary>Recall at one cut-off.</summary>
/// <param name="K">How many of the best-scored candidates count.</param>
/// <param name="Recall">The share of queries, in [0, 1], with a correct candidate among the first K.</param>
public readonly record struct RecallAtK(int K, double Recall);
