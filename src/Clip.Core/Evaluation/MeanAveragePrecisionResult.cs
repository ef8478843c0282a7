namespace Clip.Core.Evaluation;

/// <summary>The outcome of <see cref="MeanAveragePrecision.Compute"/>.</summary>
/// <param name="Mean">The mean of the per-class APs over the classes that have at least one positive sample.</param>
/// <param name="PerClass">Each class's AP, or null for a class without positive samples.</param>
/// <param name="ClassesWithoutPositives">Indices of the classes left out of the mean, ascending.</param>
public sealed record MeanAveragePrecisionResult(
    double Mean,
    IReadOnlyList<double?> PerClass,
    IReadOnlyList<int> ClassesWithoutPositives);
