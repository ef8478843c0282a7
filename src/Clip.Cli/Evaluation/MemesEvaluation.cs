using Clip.Core.Evaluation;
using Clip.Core.Models;
using Clip.Core.Moderation;
using Clip.Core.Probes;

namespace Clip.Cli.Evaluation;

/// <summary>
/// Hateful-meme detection on a labelled Hateful Memes split: ROC-AUC and accuracy of the zero-shot policy (image
/// and text together, and each alone) at the policy's flag threshold, and of a linear probe on meme features at
/// probability 0.5, either a given probe or probes cross-validated on the split itself.
/// </summary>
internal static class MemesEvaluation
{
    public static async Task<EvaluationReport> RunAsync(
        ClipModel model,
        EvaluationImages images,
        HatefulMemesDataset data,
        ModerationPolicy policy,
        MemeProbeChoice probe,
        CancellationToken cancellationToken)
    {
        probe.Trained?.Probe.EnsureCompatibleWith(MemeFeatures.SourceFor(images.Source));
        HatefulMemeEmbeddings memes = await images.EmbedAsync(data, cancellationToken);
        if (memes.Memes.Count == 0)
        {
            throw new InvalidOperationException($"No meme image of '{data.Source}' could be read.");
        }

        bool[] labels = memes.Labels();
        ModerationScorer scorer = ModerationScorer.Create(model, policy, cancellationToken);
        ModerationScore[] scores = Enumerable.Range(0, memes.Memes.Count)
            .Select(i => scorer.Score(memes.Images[i], memes.Texts[i]))
            .ToArray();
        float flag = policy.FlagThreshold;
        var rows = new List<ReportRow>
        {
            Row($"zero-shot policy '{policy.Name}'", scores.Select(s => s.Score).ToArray(), labels, flag),
        };
        if (policy.UseImageText)
        {
            rows.Add(Row("zero-shot, image only", scores.Select(s => s.ImageScore).ToArray(), labels, flag));
            rows.Add(Row("zero-shot, text only", scores.Select(s => s.TextScore ?? 0f).ToArray(), labels, flag));
        }

        var details = new Dictionary<string, object?>
        {
            ["hateful"] = labels.Count(hateful => hateful),
            ["flag_threshold"] = flag,
            ["probe_threshold"] = HatefulMemesBenchmark.DefaultThreshold,
        };
        if (probe.Trained is { } trained)
        {
            float[] probeScores = HatefulMemesBenchmark.ProbeScores(trained.Probe, memes);
            rows.Add(Row($"linear probe {trained.Name}", probeScores, labels, HatefulMemesBenchmark.DefaultThreshold));
        }
        else if (probe.Folds > 0)
        {
            (float[] probeScores, double[] lambdas) = MemeProbeCrossValidation.Score(
                memes,
                probe.Folds,
                probe.Seed,
                cancellationToken);
            rows.Add(Row(
                $"linear probe, {probe.Folds}-fold",
                probeScores,
                labels,
                HatefulMemesBenchmark.DefaultThreshold));
            details["fold_lambdas"] = lambdas;
        }

        return new EvaluationReport(
            "hateful memes",
            data.Source,
            model.Name,
            memes.Memes.Count,
            rows,
            memes.Failures,
            details);
    }

    private static ReportRow Row(string name, float[] scores, bool[] labels, float threshold)
    {
        BinaryEvaluation result = BinaryEvaluation.Compute(scores, labels, threshold);
        return new ReportRow(name,
        [
            new ReportMetric("ROC-AUC", result.RocAuc),
            new ReportMetric("accuracy", result.Accuracy),
            new ReportMetric("precision", result.Confusion.Precision),
            new ReportMetric("recall", result.Confusion.Recall),
        ]);
    }
}
