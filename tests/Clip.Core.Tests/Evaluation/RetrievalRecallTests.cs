using Clip.Core.Evaluation;

namespace Clip.Core.Tests.Evaluation;

public sealed class RetrievalRecallTests
{
    // Three images (rows), five captions (columns); captions 0, 1 describe image 0, caption 2 image 1, and
    // captions 3, 4 image 2.
    //   Image to text (best rank of the image's captions in its row):
    //     image 0: caption 0 scores 0.9, the row's best -> rank 1
    //     image 1: caption 2 scores 0.4, behind 0.6 and 0.5 -> rank 3
    //     image 2: caption 3 scores 0.7, the row's best -> rank 1
    //     R@1 = 2/3, R@5 = 3/3, R@10 = 3/3
    //   Text to image (rank of the caption's image in its column):
    //     caption 0 column (0.9, 0.2, 0.1), image 0 -> rank 1
    //     caption 1 column (0.1, 0.3, 0.2), image 0 -> rank 3
    //     caption 2 column (0.8, 0.4, 0.3), image 1 -> rank 2
    //     caption 3 column (0.3, 0.5, 0.7), image 2 -> rank 1
    //     caption 4 column (0.2, 0.6, 0.0), image 2 -> rank 3
    //     R@1 = 2/5, R@2 = 3/5, R@5 = 5/5
    private static readonly ScoreMatrix Scores = ScoreMatrix.FromRows(
    [
        [0.9f, 0.1f, 0.8f, 0.3f, 0.2f],
        [0.2f, 0.3f, 0.4f, 0.5f, 0.6f],
        [0.1f, 0.2f, 0.3f, 0.7f, 0.0f],
    ]);

    private static readonly int[] CaptionImages = [0, 0, 1, 2, 2];

    [Fact]
    public void Compute_StandardKs_GivesHandCountedRecallBothWays()
    {
        RetrievalRecallResult result = RetrievalRecall.Compute(Scores, CaptionImages);

        Assert.Equal([1, 5, 10], result.ImageToText.Select(r => r.K));
        Assert.Equal([2.0 / 3, 1.0, 1.0], result.ImageToText.Select(r => r.Recall));
        Assert.Equal([0.4, 1.0, 1.0], result.TextToImage.Select(r => r.Recall));
        Assert.Equal(3, result.ImageQueries);
        Assert.Equal(5, result.TextQueries);
    }

    [Fact]
    public void TextToImage_AtTwo_CountsCaptionsWhoseImageRanksSecond()
    {
        Assert.Equal(0.6, RetrievalRecall.TextToImage(Scores, CaptionImages, 2), 12);
    }

    [Fact]
    public void Compute_AllScoresEqual_BreaksTiesByLowerIndex()
    {
        // Two images, three captions (0, 1 -> image 1; 2 -> image 0), every score 0.5.
        // Image 0's caption 2 ranks 3rd in its row (miss at 1); image 1's caption 0 ranks 1st (hit): I->T R@1 = 1/2.
        // Captions 0 and 1 find image 1 at rank 2 (miss); caption 2 finds image 0 at rank 1 (hit): T->I R@1 = 1/3.
        var scores = new ScoreMatrix(Enumerable.Repeat(0.5f, 6).ToArray(), 3);

        RetrievalRecallResult result = RetrievalRecall.Compute(scores, [1, 1, 0], [1]);

        Assert.Equal(0.5, result.ImageToText[0].Recall, 12);
        Assert.Equal(1.0 / 3, result.TextToImage[0].Recall, 12);
    }

    [Fact]
    public void Compute_ImageWithoutCaption_IsNoQueryButStillADistractor()
    {
        // Image 2 has no caption and scores 0.95 with both captions.
        // I->T: images 0 and 1 find their caption first: R@1 = 2/2 over 2 queries.
        // T->I: each caption's image is beaten by image 2: R@1 = 0/2.
        var scores = ScoreMatrix.FromRows([[0.9f, 0.1f], [0.2f, 0.8f], [0.95f, 0.95f]]);

        RetrievalRecallResult result = RetrievalRecall.Compute(scores, [0, 1], [1]);

        Assert.Equal(2, result.ImageQueries);
        Assert.Equal(1.0, result.ImageToText[0].Recall);
        Assert.Equal(0.0, result.TextToImage[0].Recall);
    }

    [Fact]
    public void Compute_SingleImage_EveryQueryHits()
    {
        // One image with both captions: its best caption is always in its top 1, and it is the only image.
        var scores = ScoreMatrix.FromRows([[0.1f, 0.7f]]);

        RetrievalRecallResult result = RetrievalRecall.Compute(scores, [0, 0], [1]);

        Assert.Equal(1.0, result.ImageToText[0].Recall);
        Assert.Equal(1.0, result.TextToImage[0].Recall);
    }

    [Fact]
    public void Compute_CaptionNamesMissingImage_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RetrievalRecall.Compute(Scores, [0, 0, 1, 2, 3]));
    }

    [Fact]
    public void Compute_CaptionCountDiffersFromColumns_Throws()
    {
        Assert.Throws<ArgumentException>(() => RetrievalRecall.Compute(Scores, [0, 0, 1, 2]));
    }

    [Fact]
    public void Compute_NoImages_Throws()
    {
        Assert.Throws<ArgumentException>(() => RetrievalRecall.Compute(new ScoreMatrix([], 2), [0, 0]));
    }
}
