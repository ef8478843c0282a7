using Clip.Core.Evaluation.Datasets;

namespace Clip.Core.Tests.Evaluation.Datasets;

public sealed class MultiLabelDatasetTests : IDisposable
{
    private readonly DatasetFiles _files = new();

    [Fact]
    public void Load_Csv_ReadsLabelsInOrderOfFirstUseRelativeToTheFile()
    {
        string path = _files.Write("voc.csv", "image,labels\na.jpg,dog|person\n\nsub/b.jpg,cat | dog | dog\nc.jpg,\n");

        MultiLabelDataset dataset = MultiLabelDataset.Load(path);

        Assert.Equal(["dog", "person", "cat"], dataset.Classes);
        Assert.Equal(3, dataset.Images.Count);
        Assert.Equal(_files.PathOf("a.jpg"), dataset.Images[0].ImagePath);
        Assert.Equal([0, 1], dataset.Images[0].Labels);
        Assert.Equal(_files.PathOf("sub", "b.jpg"), dataset.Images[1].ImagePath);
        Assert.Equal([0, 2], dataset.Images[1].Labels);
        Assert.Empty(dataset.Images[2].Labels);
    }

    [Fact]
    public void Load_CsvWithoutHeader_ThrowsNamingTheHeader()
    {
        string path = _files.Write("bad.csv", "a.jpg,dog\n");

        var error = Assert.Throws<FormatException>(() => MultiLabelDataset.Load(path));

        Assert.Contains("'image,labels'", error.Message);
    }

    [Fact]
    public void Load_ImageListJson_KeepsDeclaredClassesAndUsesTheImageRoot()
    {
        string path = _files.Write(
            "set.json",
            """{"classes": ["cat", "dog", "bird"], "images": [{"image": "x.png", "labels": ["dog", "cat"]}]}""");

        MultiLabelDataset dataset = MultiLabelDataset.Load(path, "/data/images");

        Assert.Equal(["cat", "dog", "bird"], dataset.Classes);
        Assert.Equal("/data/images/x.png", dataset.Images[0].ImagePath);
        Assert.Equal([0, 1], dataset.Images[0].Labels);
        Assert.Equal([[0, 1]], dataset.Positives().Select(p => p.ToArray()));
    }

    [Theory]
    [InlineData("""{"classes": ["cat"], "images": [{"image": "x.png", "labels": ["dog"]}]}""",
        "images[0]: label 'dog' is not one of the declared classes")]
    [InlineData("""{"images": [{"image": "x.png"}]}""", "images[0]: 'labels' must be a list")]
    [InlineData("""{"images": [{"labels": []}]}""", "images[0]: 'image' must be a non-empty string")]
    [InlineData("""{"classes": ["a", "a"], "images": []}""", "class 'a' is declared twice")]
    [InlineData("""{"images": []}""", "lists no image")]
    [InlineData("""[1, 2]""", "expected a JSON object")]
    [InlineData("""{"images": [""", "is not valid JSON")]
    public void Load_BadImageListJson_ThrowsSayingWhere(string json, string expected)
    {
        string path = _files.Write("bad.json", json);

        var error = Assert.Throws<FormatException>(() => MultiLabelDataset.Load(path));

        Assert.Contains(expected, error.Message);
        Assert.Contains("bad.json", error.Message);
    }

    [Fact]
    public void Load_CocoInstances_OrdersClassesByCategoryIdAndKeepsImagesWithoutAnnotations()
    {
        string path = _files.Write(
            "instances_val2017.json",
            """
            {
              "info": {}, "licenses": [],
              "images": [{"id": 7, "file_name": "000007.jpg"}, {"id": 3, "file_name": "000003.jpg"}],
              "categories": [{"id": 18, "name": "dog"}, {"id": 1, "name": "person"}],
              "annotations": [
                {"id": 1, "image_id": 7, "category_id": 18, "iscrowd": 0},
                {"id": 2, "image_id": 7, "category_id": 1, "iscrowd": 1},
                {"id": 3, "image_id": 7, "category_id": 18, "iscrowd": 0}
              ]
            }
            """);

        MultiLabelDataset dataset = MultiLabelDataset.Load(path, _files.PathOf("val2017"));

        Assert.Equal(["person", "dog"], dataset.Classes);
        Assert.Equal(_files.PathOf("val2017", "000007.jpg"), dataset.Images[0].ImagePath);
        Assert.Equal([0, 1], dataset.Images[0].Labels);
        Assert.Empty(dataset.Images[1].Labels);
    }

    [Theory]
    [InlineData("""{"id": 1, "image_id": 99, "category_id": 1}""", "annotations[0]: image_id 99 is not in 'images'")]
    [InlineData("""{"id": 1, "image_id": 7, "category_id": 5}""", "annotations[0]: category_id 5 is not in")]
    [InlineData("""{"id": 1, "image_id": "7", "category_id": 1}""", "annotations[0]: 'image_id' must be an integer")]
    public void Load_CocoWithDanglingReference_ThrowsNamingTheAnnotation(string annotation, string expected)
    {
        string path = _files.Write(
            "coco.json",
            $$"""
            {"images": [{"id": 7, "file_name": "a.jpg"}], "categories": [{"id": 1, "name": "person"}],
             "annotations": [{{annotation}}]}
            """);

        var error = Assert.Throws<FormatException>(() => MultiLabelDataset.Load(path));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Load_OtherExtension_ThrowsNamingTheLayouts()
    {
        string path = _files.Write("labels.txt", "a.jpg dog");

        var error = Assert.Throws<FormatException>(() => MultiLabelDataset.Load(path));

        Assert.Contains(".csv or .json", error.Message);
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => MultiLabelDataset.Load(_files.PathOf("none.csv")));
    }

    public void Dispose() => _files.Dispose();
}
