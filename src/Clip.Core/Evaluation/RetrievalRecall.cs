namespace Clip.Core.Evaluation;

/// <summary>
/// Recall@K of image-text retrieval where an image may have several captions (as in MS-COCO and Flickr30k, five
/// each), from a score matrix with one row per image and one column per caption.
/// </summary>
/// <remarks>
/// <para>
/// Image to text: an image query hits at K when any of its captions is among the K captions scored highest in its
/// row. Text to image: a caption query hits at K when its image is among the K images scored highest in its column.
/// Recall@K is the share of queries that hit.
/// </para>
/// <para>
/// Ties are broken by lower index, as in <see cref="TopKAccuracy"/>: a candidate's rank is 1 + (candidates scored
/// strictly higher) + (candidates scored equal with a lower index). An image with no caption is not an image
/// query (it could never hit) but stays a candidate for the caption queries. A K above the number of candidates
/// counts every query as a hit.
/// </para>
/// </remarks>
public static class RetrievalRecall
{
    /// <summary>The cut-offs reported for MS-COCO and Flickr30k retrieval: 1, 5 and 10.</summary>
    public static IReadOnlyList<int> StandardKs { get; } = [1, 5, 10];

    /// <summary>
    /// Recall@K both ways for each K in <paramref name="ks"/> (default <see cref="StandardKs"/>), where
    /// <paramref name="captionImages"/>[c] is the row (image) that caption column c describes.
    /// </summary>
    public static RetrievalRecallResult Compute(
        ScoreMatrix scores,
        IReadOnlyList<int> captionImages,
        IReadOnlyList<int>? ks = null)
    {
        ks ??= StandardKs;
        Validate(scores, captionImages);
        MetricGuard.NotEmpty(ks.Count, "K", nameof(ks));
        int[] imageRanks = BestCaptionRanks(scores, captionImages);
        int[] captionRanks = ImageRanks(scores, captionImages);
        int imageQueries = imageRanks.Count(rank => rank > 0);
        if (imageQueries == 0)
        {
            throw new ArgumentException("No image has a caption, so there is no image query.", nameof(captionImages));
        }

        return new RetrievalRecallResult(
            ks.Select(k => new RecallAtK(k, Share(imageRanks, k, imageQueries))).ToArray(),
            ks.Select(k => new RecallAtK(k, Share(captionRanks, k, captionRanks.Length))).ToArray(),
            imageQueries,
            captionRanks.Length);
    }

    /// <summary>Image-to-text recall at one <paramref name="k"/> (see <see cref="Compute"/>).</summary>
    public static double ImageToText(ScoreMatrix scores, IReadOnlyList<int> captionImages, int k) =>
        Compute(scores, captionImages, [k]).ImageToText[0].Recall;

    /// <summary>Text-to-image recall at one <paramref name="k"/> (see <see cref="Compute"/>).</summary>
    public static double TextToImage(ScoreMatrix scores, IReadOnlyList<int> captionImages, int k) =>
        Compute(scores, captionImages, [k]).TextToImage[0].Recall;

    private static void Validate(ScoreMatrix scores, IReadOnlyList<int> captionImages)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(captionImages);
        MetricGuard.NotEmpty(scores.Rows, "image", nameof(scores));
        MetricGuard.SameLength(scores.Columns, captionImages.Count, "The score columns", nameof(captionImages));
        for (int row = 0; row < scores.Rows; row++)
        {
            MetricGuard.NoNaN(scores.Row(row), nameof(scores));
        }

        for (int caption = 0; caption < captionImages.Count; caption++)
        {
            MetricGuard.InRange(captionImages[caption], scores.Rows, "image", caption, nameof(captionImages));
        }
    }

    /// <summary>Per image, the best rank of its captions in its row; 0 for an image without captions.</summary>
    private static int[] BestCaptionRanks(ScoreMatrix scores, IReadOnlyList<int> captionImages)
    {
        int[] best = new int[scores.Rows];
        for (int caption = 0; caption < captionImages.Count; caption++)
        {
            int image = captionImages[caption];
            int rank = Ranking.RankOf(scores.Row(image), caption);
            best[image] = best[image] == 0 ? rank : Math.Min(best[image], rank);
        }

        return best;
    }

    /// <summary>Per caption, the rank of its image in its column.</summary>
    private static int[] ImageRanks(ScoreMatrix scores, IReadOnlyList<int> captionImages)
    {
        float[] column = new float[scores.Rows];
        int[] ranks = new int[captionImages.Count];
        for (int caption = 0; caption < ranks.Length; caption++)
        {
            for (int image = 0; image < column.Length; image++)
            {
                column[image] = scores[image, caption];
            }

            ranks[caption] = Ranking.RankOf(column, captionImages[caption]);
        }

        return ranks;
    }

    private static double Share(int[] ranks, int k, int queries)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        return (double)ranks.Count(rank => rank > 0 && rank <= k) / queries;
    }
}
