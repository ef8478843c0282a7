namespace Clip.Core.Evaluation;

/// <summary>
/// Accuracy of predicted class indices, as a linear probe or any single-label classifier is scored: overall, and
/// averaged per class (the mean-per-class accuracy some CLIP benchmarks report for unbalanced test sets).
/// </summary>
public static class ClassificationAccuracy
{
    /// <summary>
    /// The share of samples, in [0, 1], with <paramref name="predicted"/>[i] equal to <paramref name="actual"/>[i].
    /// Throws for empty or mismatched inputs.
    /// </summary>
    public static double Compute(IReadOnlyList<int> predicted, IReadOnlyList<int> actual)
    {
        Validate(predicted, actual);
        int correct = 0;
        for (int i = 0; i < actual.Count; i++)
        {
            correct += predicted[i] == actual[i] ? 1 : 0;
        }

        return (double)correct / actual.Count;
    }

    /// <summary>
    /// The mean over the classes that occur in <paramref name="actual"/> of the share of that class's samples
    /// predicted correctly (balanced accuracy). Classes that only occur among the predictions do not add a term.
    /// </summary>
    public static double MeanPerClass(IReadOnlyList<int> predicted, IReadOnlyList<int> actual)
    {
        Validate(predicted, actual);
        var perClass = new Dictionary<int, (int Correct, int Total)>();
        for (int i = 0; i < actual.Count; i++)
        {
            perClass.TryGetValue(actual[i], out var counts);
            perClass[actual[i]] = (counts.Correct + (predicted[i] == actual[i] ? 1 : 0), counts.Total + 1);
        }

        return perClass.Values.Average(counts => (double)counts.Correct / counts.Total);
    }

    private static void Validate(IReadOnlyList<int> predicted, IReadOnlyList<int> actual)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(actual);
        MetricGuard.NotEmpty(actual.Count, "sample", nameof(actual));
        MetricGuard.SameLength(predicted.Count, actual.Count, nameof(predicted), nameof(actual));
    }
}
