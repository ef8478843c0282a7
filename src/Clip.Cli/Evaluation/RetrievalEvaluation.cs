using Clip.Core.Embeddings;
using Clip.Core.Evaluation;
using Clip.Core.Evaluation.Datasets;
using Clip.Core.Models;
using Clip.Core.Probes;

namespace Clip.Cli.Evaluation;

/// <summary>
/// Zero-shot image-text retrieval (MS-COCO, Flickr30k Karpathy test splits): recall@1, 5 and 10 from images to
/// captions and from captions to images, scored by cosine similarity. An unreadable image is left out with its
/// captions, which would otherwise be queries without a findable answer.
/// </summary>
internal static class RetrievalEvaluation
{
    public static async Task<EvaluationReport> RunAsync(
        ClipModel model,
        EvaluationImages images,
        RetrievalDataset data,
        CancellationToken cancellationToken)
    {
        ImageFileEmbeddings embedded = await images.EmbedAsync(
            data.Images.Select(image => image.ImagePath).ToArray(),
            cancellationToken);
        RetrievalImage[] kept = embedded.Embedded.Select(i => data.Images[i]).ToArray();
        if (kept.All(image => image.Captions.Count == 0))
        {
            throw new InvalidOperationException($"No captioned image of '{data.Source}' could be read.");
        }

        var readable = new RetrievalDataset(data.Source, kept);
        EmbeddingBatch captions = model.TextEncoder.Encode(readable.Captions, cancellationToken);
        ScoreMatrix scores = ScoreMatrix.Cosine(embedded.Embeddings, captions);
        RetrievalRecallResult recall = RetrievalRecall.Compute(scores, readable.CaptionImages);

        var details = new Dictionary<string, object?>
        {
            ["image_queries"] = recall.ImageQueries,
            ["text_queries"] = recall.TextQueries,
        };
        return new EvaluationReport(
            "zero-shot image-text retrieval",
            data.Source,
            model.Name,
            kept.Length,
            [Row("image → text", recall.ImageToText), Row("text → image", recall.TextToImage)],
            embedded.Failures,
            details);
    }

    private static ReportRow Row(string name, IReadOnlyList<RecallAtK> recalls) =>
        new(name, recalls.Select(r => new ReportMetric($"R@{r.K}", r.Recall)).ToArray());
}
