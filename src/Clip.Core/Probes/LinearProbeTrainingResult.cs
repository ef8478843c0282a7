namespace Clip.Core.Probes;

/// <summary>What <see cref="LinearProbeTrainer.Train"/> produced and measured.</summary>
/// <param name="Probe">The probe refitted on all the data with the chosen λ.</param>
/// <param name="LambdaScores">The validation scores of each λ tried, in ascending λ; empty with a single λ.</param>
/// <param name="CrossValidatedAccuracy">
/// Correct predictions over all samples when each fold is predicted by a probe fitted (with the chosen λ) on the
/// other folds; null when cross-validation is off.
/// </param>
/// <param name="FoldAccuracies">The accuracy on each fold, in fold order.</param>
/// <param name="TrainingAccuracy">The final probe's accuracy on the data it was fitted on.</param>
public sealed record LinearProbeTrainingResult(
    LinearProbe Probe,
    IReadOnlyList<LambdaScore> LambdaScores,
    double? CrossValidatedAccuracy,
    IReadOnlyList<double> FoldAccuracies,
    double TrainingAccuracy);
