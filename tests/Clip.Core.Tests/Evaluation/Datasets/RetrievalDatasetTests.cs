using Clip.Core.Evaluation.Datasets;

namespace Clip.Core.Tests.Evaluation.Datasets;

public sealed class RetrievalDatasetTests : IDisposable
{
    private const string Karpathy = """
        {"dataset": "coco", "images": [
          {"filepath": "val2014", "filename": "a.jpg", "split": "test",
           "sentences": [{"raw": " A dog runs. ", "tokens": ["a", "dog", "runs"]}, {"raw": "A dog."}]},
          {"filepath": "val2014", "filename": "b.jpg", "split": "train", "sentences": [{"raw": "Skip me."}]},
          {"filename": "c.jpg", "split": "test", "sentences": []},
          {"filename": "d.jpg", "split": "test", "sentences": [{"raw": "A cat sleeps."}]}
        ]}
        """;

    private readonly DatasetFiles _files = new();

    [Fact]
    public void LoadKarpathy_TestSplit_KeepsItsImagesCaptionsAndCaptionOwners()
    {
        string path = _files.Write("dataset_coco.json", Karpathy);

        RetrievalDataset dataset = RetrievalDataset.LoadKarpathy(path, "test");

        Assert.Equal(
            [_files.PathOf("val2014", "a.jpg"), _files.PathOf("c.jpg"), _files.PathOf("d.jpg")],
            dataset.Images.Select(image => image.ImagePath));
        Assert.Equal(["A dog runs.", "A dog.", "A cat sleeps."], dataset.Captions);
        Assert.Equal([0, 0, 2], dataset.CaptionImages);
    }

    [Fact]
    public void LoadKarpathy_ImageRoot_ReplacesTheFileFolder()
    {
        string path = _files.Write("dataset_coco.json", Karpathy);

        RetrievalDataset dataset = RetrievalDataset.LoadKarpathy(path, "train", "/coco");

        Assert.Equal("/coco/val2014/b.jpg", Assert.Single(dataset.Images).ImagePath);
    }

    [Fact]
    public void LoadKarpathy_SplitWithoutImages_ThrowsNamingTheSplit()
    {
        string path = _files.Write("dataset_coco.json", Karpathy);

        var error = Assert.Throws<FormatException>(() => RetrievalDataset.LoadKarpathy(path, "val"));

        Assert.Contains("split 'val'", error.Message);
    }

    [Theory]
    [InlineData("""{"images": [{"filename": "a.jpg", "split": "test"}]}""", "images[0]: 'sentences' must be a list")]
    [InlineData("""{"images": [{"filename": "a.jpg"}]}""", "images[0]: 'split' must be a non-empty string")]
    [InlineData("""{"images": [{"split": "test", "filename": "a.jpg", "sentences": [{"raw": 3}]}]}""",
        "images[0] sentences[0]: 'raw' must be a non-empty string")]
    [InlineData("""{"pictures": []}""", "'images' must be a list")]
    public void LoadKarpathy_BadEntry_ThrowsSayingWhere(string json, string expected)
    {
        string path = _files.Write("bad.json", json);

        var error = Assert.Throws<FormatException>(() => RetrievalDataset.LoadKarpathy(path, "test"));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Constructor_NoCaptionAnywhere_Throws()
    {
        Assert.Throws<ArgumentException>(() => new RetrievalDataset("set", [new RetrievalImage("/a.jpg", [])]));
    }

    public void Dispose() => _files.Dispose();
}
