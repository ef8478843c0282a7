namespace Clip.Core.Evaluation;

/// <summary>A binary scorer's ROC-AUC and its accuracy at one threshold.</summary>
/// <param name="RocAuc">See <see cref="Evaluation.RocAuc"/>.</param>
/// <param name="Accuracy">See <see cref="ThresholdAccuracy"/>, at <paramref name="Threshold"/>.</param>
/// <param name="Threshold">Scores at or above it were called positive.</param>
/// <param name="Confusion">The counts behind <paramref name="Accuracy"/>.</param>
public sealed record BinaryEvaluation(double RocAuc, double Accuracy, float Threshold, BinaryConfusion Confusion)
{
    /// <summary>Evaluates <paramref name="scores"/> against <paramref name="positive"/>.</summary>
    public static BinaryEvaluation Compute(ReadOnlySpan<float> scores, ReadOnlySpan<bool> positive, float threshold)
    {
        BinaryConfusion confusion = ThresholdAccuracy.Confusion(scores, positive, threshold);
        double auc = Evaluation.RocAuc.Compute(scores, positive);
        return new BinaryEvaluation(auc, confusion.Accuracy, threshold, confusion);
    }
}
