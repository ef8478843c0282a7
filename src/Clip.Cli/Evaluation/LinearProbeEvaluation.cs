using Clip.Core.Models;
using Clip.Core.Probes;

namespace Clip.Cli.Evaluation;

/// <summary>
/// The linear-probe protocol on a class-folder data set: a probe is trained with λ chosen on a validation split,
/// and its k-fold cross-validated accuracy is reported with the accuracy on its own training data.
/// </summary>
internal static class LinearProbeEvaluation
{
    public static async Task<EvaluationReport> RunAsync(
        ClipModel model,
        EvaluationImages images,
        ClassFolderDataset data,
        LinearProbeOptions options,
        CancellationToken cancellationToken)
    {
        ClassFolderEmbeddings embedded = await images.EmbedAsync(data, cancellationToken);
        LinearProbeTrainingResult result = LinearProbeTrainer.Train(
            embedded.Data,
            images.Source,
            options,
            cancellationToken);

        string folds = $"{options.CrossValidationFolds}-fold accuracy";
        var details = new Dictionary<string, object?>
        {
            ["classes"] = data.Classes.Count,
            ["lambda"] = result.Probe.Lambda,
            ["folds"] = options.CrossValidationFolds,
            ["fold_accuracies"] = result.FoldAccuracies,
            ["lambda_scores"] = result.LambdaScores.Select(s => new
            {
                lambda = s.Lambda,
                validation_accuracy = s.ValidationAccuracy,
                validation_log_loss = s.ValidationLogLoss,
            }),
        };
        return new EvaluationReport(
            "linear probe",
            data.Root,
            model.Name,
            embedded.Data.Count,
            [
                new ReportRow(
                    FormattableString.Invariant($"λ = {result.Probe.Lambda:G3}"),
                    [
                        new ReportMetric(folds, result.CrossValidatedAccuracy),
                        new ReportMetric("training accuracy", result.TrainingAccuracy),
                    ]),
            ],
            embedded.Failures,
            details);
    }
}
