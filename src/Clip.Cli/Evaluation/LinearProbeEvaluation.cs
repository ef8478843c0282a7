using Clip.Core.Evaluation;
using Clip.Core.Models;
using Clip.Core.Probes;

namespace Clip.Cli.Evaluation;

/// <summary>
/// The linear-probe protocol on a class-folder data set: either a probe is trained with λ chosen on a validation
/// split and its k-fold cross-validated accuracy is reported with the accuracy on its own training data, or a probe
/// trained on another split (the paper's protocol: train split, then test split) is measured.
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

    /// <summary>Accuracy and mean per-class accuracy on the folders' images of a trained probe.</summary>
    public static async Task<EvaluationReport> MeasureAsync(
        ClipModel model,
        EvaluationImages images,
        ClassFolderDataset data,
        NamedProbe trained,
        CancellationToken cancellationToken)
    {
        LinearProbe probe = trained.Probe;
        probe.EnsureCompatibleWith(images.Source);
        string[] unknown = data.Classes.Except(probe.Classes, StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            throw new InvalidOperationException(
                $"The probe knows no class {string.Join(", ", unknown.Select(c => $"'{c}'"))} of '{data.Root}'.");
        }

        ClassFolderEmbeddings embedded = await images.EmbedAsync(data, cancellationToken);
        int[] predicted = probe.Predict(embedded.Data.Features);
        int[] actual = embedded.Data.Labels.Select(l => probe.Classes.ToList().IndexOf(data.Classes[l])).ToArray();
        var details = new Dictionary<string, object?> { ["classes"] = data.Classes.Count, ["lambda"] = probe.Lambda };
        return new EvaluationReport(
            "linear probe",
            data.Root,
            model.Name,
            embedded.Data.Count,
            [
                new ReportRow(
                    $"probe {trained.Name}",
                    [
                        new ReportMetric("accuracy", ClassificationAccuracy.Compute(predicted, actual)),
                        new ReportMetric("mean per class", ClassificationAccuracy.MeanPerClass(predicted, actual)),
                    ]),
            ],
            embedded.Failures,
            details);
    }
}
