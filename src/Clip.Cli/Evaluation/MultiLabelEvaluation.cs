using Clip.Core.Evaluation;
using Clip.Core.Evaluation.Datasets;
using Clip.Core.Models;
using Clip.Core.Probes;
using Clip.Core.ZeroShot;

namespace Clip.Cli.Evaluation;

/// <summary>
/// Zero-shot multi-label classification (PASCAL VOC, MS-COCO): mean average precision with two scores per image
/// and class: the per-label probability against the background prompts that <c>clip classify</c> thresholds in its
/// multi-label mode, and the softmax over all classes.
/// </summary>
internal static class MultiLabelEvaluation
{
    public static async Task<EvaluationReport> RunAsync(
        ClipModel model,
        EvaluationImages images,
        MultiLabelDataset data,
        IReadOnlyList<string> classNames,
        PromptVariant prompts,
        CancellationToken cancellationToken)
    {
        ImageFileEmbeddings embedded = await images.EmbedAsync(
            data.Images.Select(image => image.ImagePath).ToArray(),
            cancellationToken);
        if (embedded.Embedded.Count == 0)
        {
            throw new InvalidOperationException($"No image of '{data.Source}' could be read.");
        }

        IReadOnlyList<IReadOnlyCollection<int>> positives = embedded.Embedded
            .Select(i => (IReadOnlyCollection<int>)data.Images[i].Labels)
            .ToArray();
        var classifier = ZeroShotClassifier.Create(
            model,
            LabelSet.FromNames("classes", classNames, prompts.Templates),
            cancellationToken: cancellationToken);
        MeanAveragePrecisionResult perLabel = MeanAveragePrecision.Compute(
            Score(classifier, embedded, PerLabel),
            positives);
        MeanAveragePrecisionResult softmax = MeanAveragePrecision.Compute(
            Score(classifier, embedded, (c, image, row) => c.ComputeProbabilities(image, row)),
            positives);

        var details = new Dictionary<string, object?>
        {
            ["prompts"] = prompts.Name,
            ["classes"] = data.Classes,
            ["per_class_ap"] = data.Classes.Zip(perLabel.PerClass).ToDictionary(p => p.First, p => p.Second),
            ["classes_without_positives"] = perLabel.ClassesWithoutPositives.Select(c => data.Classes[c]).ToArray(),
        };
        return new EvaluationReport(
            "zero-shot multi-label classification",
            data.Source,
            model.Name,
            embedded.Embedded.Count,
            [
                new ReportRow("per-label probability vs. background", [new ReportMetric("mAP", perLabel.Mean)]),
                new ReportRow("softmax over classes", [new ReportMetric("mAP", softmax.Mean)]),
            ],
            embedded.Failures,
            details);
    }

    private delegate void RowScorer(ZeroShotClassifier classifier, ReadOnlySpan<float> image, Span<float> row);

    private static void PerLabel(ZeroShotClassifier classifier, ReadOnlySpan<float> image, Span<float> row)
    {
        foreach (LabelScore label in classifier.ClassifyMultiLabel(image, defaultThreshold: 0f))
        {
            row[label.ClassIndex] = label.Probability;
        }
    }

    private static ScoreMatrix Score(ZeroShotClassifier classifier, ImageFileEmbeddings embedded, RowScorer score)
    {
        int classes = classifier.LabelSet.Classes.Count;
        float[] values = new float[embedded.Embeddings.Count * classes];
        for (int i = 0; i < embedded.Embeddings.Count; i++)
        {
            score(classifier, embedded.Embeddings[i], values.AsSpan(i * classes, classes));
        }

        return new ScoreMatrix(values, classes);
    }
}
