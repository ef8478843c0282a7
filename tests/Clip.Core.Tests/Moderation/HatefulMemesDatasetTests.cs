using Clip.Core.Moderation;

namespace Clip.Core.Tests.Moderation;

public sealed class HatefulMemesDatasetTests
{
    private static readonly string Base = Path.Combine(Path.GetTempPath(), "memes");

    [Fact]
    public void Parse_ChallengeLines_ReadsIdsPathsTextsAndLabels()
    {
        HatefulMemesDataset dataset = HatefulMemesDataset.Parse(
            [
                """{"id": 42953, "img": "img/42953.png", "label": 0, "text": "its their character not their color"}""",
                "",
                """{"id": "01235", "img": "img/01235.png", "label": 1, "text": ""}""",
                """{"id": 16395, "img": "img/16395.png", "text": "unlabelled"}""",
            ],
            Base,
            "dev.jsonl");

        Assert.Equal(3, dataset.Memes.Count);
        HatefulMeme first = dataset.Memes[0];
        Assert.Equal("42953", first.Id);
        Assert.Equal(Path.GetFullPath(Path.Combine(Base, "img", "42953.png")), first.ImagePath);
        Assert.Equal("its their character not their color", first.Text);
        Assert.False(first.Hateful);
        Assert.Equal("01235", dataset.Memes[1].Id);
        Assert.True(dataset.Memes[1].Hateful);
        Assert.Null(dataset.Memes[2].Hateful);
    }

    [Theory]
    [InlineData("""{"id": 1, "img": "a.png", "label": 2, "text": "t"}""", "line 2: 'label' must be 0 or 1, not 2")]
    [InlineData("""{"id": 1, "label": 0, "text": "t"}""", "line 2: 'img' is missing")]
    [InlineData("""{"id": 1, "img": "a.png", "label": 0}""", "line 2: 'text' must be a string")]
    [InlineData("""{"img": "a.png", "label": 0, "text": "t"}""", "line 2: 'id' is missing")]
    [InlineData("""{"id": 1, "img": "a.png", """, "line 2: not valid JSON")]
    [InlineData("""[1]""", "line 2: expected a JSON object")]
    public void Parse_BadSecondLine_ThrowsNamingFileAndLine(string line, string expected)
    {
        string[] lines = ["""{"id": 0, "img": "ok.png", "label": 0, "text": "fine"}""", line];

        var error = Assert.Throws<FormatException>(() => HatefulMemesDataset.Parse(lines, Base, "train.jsonl"));

        Assert.Contains("train.jsonl " + expected, error.Message);
    }

    [Fact]
    public void Parse_OnlyBlankLines_Throws()
    {
        Assert.Throws<FormatException>(() => HatefulMemesDataset.Parse(["", "  "], Base, "empty.jsonl"));
    }

    [Fact]
    public void Load_ImagePathsAreRelativeToTheFile()
    {
        string folder = Directory.CreateTempSubdirectory("clip-memes-").FullName;
        try
        {
            string path = Path.Combine(folder, "dev.jsonl");
            File.WriteAllText(path, """{"id": 7, "img": "img/7.png", "label": 1, "text": "x"}""" + "\n");

            HatefulMemesDataset dataset = HatefulMemesDataset.Load(path);

            Assert.Equal(Path.Combine(folder, "img", "7.png"), dataset.Memes[0].ImagePath);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
