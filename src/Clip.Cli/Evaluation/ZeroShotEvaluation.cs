using Clip.Core.Evaluation;
using Clip.Core.Models;
using Clip.Core.Probes;
using Clip.Core.ZeroShot;

namespace Clip.Cli.Evaluation;

/// <summary>
/// Zero-shot classification of a class-folder data set: top-1, top-5 and mean per-class accuracy of each prompt
/// variant, all on the same image embeddings.
/// </summary>
internal static class ZeroShotEvaluation
{
    public static async Task<EvaluationReport> RunAsync(
        ClipModel model,
        EvaluationImages images,
        ClassFolderDataset data,
        IReadOnlyList<string> classNames,
        IReadOnlyList<PromptVariant> variants,
        CancellationToken cancellationToken)
    {
        ClassFolderEmbeddings embedded = await images.EmbedAsync(data, cancellationToken);
        LabeledEmbeddings samples = embedded.Data;
        if (samples.Count == 0)
        {
            throw new InvalidOperationException($"No image of '{data.Root}' could be read.");
        }

        var rows = new List<ReportRow>();
        foreach (PromptVariant variant in variants)
        {
            var classifier = ZeroShotClassifier.Create(
                model,
                LabelSet.FromNames("classes", classNames, variant.Templates),
                cancellationToken: cancellationToken);
            ScoreMatrix scores = Score(classifier, samples);
            int[] predicted = Enumerable.Range(0, scores.Rows)
                .Select(row => ZeroShotMath.TopK(scores.Row(row), 1)[0])
                .ToArray();
            rows.Add(new ReportRow(variant.Name,
            [
                new ReportMetric("top-1", TopKAccuracy.Top1(scores, samples.Labels)),
                new ReportMetric("top-5", scores.Columns > 5 ? TopKAccuracy.Top5(scores, samples.Labels) : null),
                new ReportMetric("mean per class", ClassificationAccuracy.MeanPerClass(predicted, samples.Labels)),
            ]));
        }

        var details = new Dictionary<string, object?> { ["classes"] = data.Classes.Count };
        return new EvaluationReport(
            "zero-shot classification",
            data.Root,
            model.Name,
            samples.Count,
            rows,
            embedded.Failures,
            details);
    }

    /// <summary>Cosines rank the classes as the softmax probabilities do, one row per image.</summary>
    private static ScoreMatrix Score(ZeroShotClassifier classifier, LabeledEmbeddings samples)
    {
        int classes = classifier.LabelSet.Classes.Count;
        float[] values = new float[samples.Count * classes];
        for (int i = 0; i < samples.Count; i++)
        {
            classifier.ComputeCosines(samples.Features[i], values.AsSpan(i * classes, classes));
        }

        return new ScoreMatrix(values, classes);
    }
}
