using Pipeline.Contracts;
using Pipeline.Processing.LabelSets;

namespace Pipeline.Tests.LabelSets;

public sealed class LabelSetFileTests
{
    [Fact]
    public void Load_TextFile_TakesOneClassPerLineAndTheFileName()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("animals.txt", "cat\n\n# a comment\n  dog  \nbird\n"u8.ToArray());

        LabelSetDefinition set = LabelSetFile.Load(path);

        Assert.Equal("animals", set.Name);
        Assert.Equal(["cat", "dog", "bird"], set.Classes.Select(c => c.Name));
        Assert.False(set.MultiLabel);
        Assert.Null(set.Templates);
    }

    [Theory]
    [InlineData("name: tags\nmulti-label: true\nclasses: [cat, dog]\n", "multi-label")]
    [InlineData("{\"classes\": [\"cat\", \"dog\"], \"tempaltes\": \"imagenet80\"}", "tempaltes")]
    [InlineData("classes:\n  - cat\n  - name: dog\n    thresold: 0.3\n", "thresold")]
    public void Load_FileWithAMisspeltKey_ThrowsNamingTheKey(string text, string key)
    {
        using var dir = new TempDirectory();
        string path = dir.Write("set.yaml", System.Text.Encoding.UTF8.GetBytes(text));

        var error = Assert.Throws<FormatException>(() => LabelSetFile.Load(path));

        Assert.Contains($"'{key}'", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void ToLabelSet_TemplateSetThatIsAPath_ThrowsWithoutReadingTheFile()
    {
        using var dir = new TempDirectory();
        string templates = dir.Write("templates.txt", "a photo of {}.\n"u8.ToArray());
        var definition = new LabelSetDefinition(
            "from-a-message", [new("cat", null, null), new("dog", null, null)], null, templates, false, 0.5f);

        var error = Assert.Throws<FormatException>(() => definition.ToLabelSet());

        Assert.Contains("only 'default' and 'imagenet80' exist", error.Message);
    }

    [Fact]
    public void Load_YamlFile_ReadsPromptsThresholdsAndTemplates()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("set.yaml", """
            name: moderation-demo
            multi_label: true
            threshold: 0.4
            templates:
              - "a photo of {}."
              - "a picture of {}."
            classes:
              - weapon
              - name: blood
                prompts: ["a photo of blood.", "a bloody wound."]
                threshold: 0.2
            """u8.ToArray());

        LabelSetDefinition set = LabelSetFile.Load(path);

        Assert.Equal("moderation-demo", set.Name);
        Assert.True(set.MultiLabel);
        Assert.Equal(0.4f, set.DefaultThreshold);
        Assert.Equal(["a photo of {}.", "a picture of {}."], set.Templates!);
        Assert.Equal(["a photo of blood.", "a bloody wound."], set.Classes[1].Prompts!);
        Assert.Equal(0.2f, set.Classes[1].Threshold);
        Assert.Null(set.Classes[0].Threshold);
    }

    [Fact]
    public void Load_JsonFileWithNamedTemplateSet_ReadsIt()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("pets.json", """{"classes": ["cat", "dog"], "templates": "imagenet80"}"""u8.ToArray());

        LabelSetDefinition set = LabelSetFile.Load(path);

        Assert.Equal("pets", set.Name);
        Assert.Equal("imagenet80", set.TemplateSet);
        Assert.Null(set.Templates);
    }

    [Theory]
    [InlineData("one.txt", "cat\n", "at least two classes")]
    [InlineData("dup.txt", "cat\ncat\n", "names 'cat' twice")]
    [InlineData("t.yaml", "classes: [a, b]\ntemplates: [\"no slot\"]\n", "needs a {}")]
    [InlineData("th.yaml", "classes: [a, b]\nthreshold: 7\n", "from 0 to 1")]
    [InlineData("bad.yaml", "classes: [a, b\n", "not valid YAML")]
    [InlineData("x.csv", "a,b\n", "must end in")]
    [InlineData("path.yaml", "classes: [a, b]\ntemplates: /etc/hostname\n", "give 'default', 'imagenet80'")]
    [InlineData("probe.json", "{\"format\": \"clip-linear-probe\", \"classes\": [\"a\", \"b\"]}", "not a label set")]
    public void Load_InvalidFile_ThrowsSayingWhatIsWrong(string name, string content, string expected)
    {
        using var dir = new TempDirectory();
        string path = dir.Write(name, System.Text.Encoding.UTF8.GetBytes(content));

        var error = Assert.Throws<FormatException>(() => LabelSetFile.Load(path));

        Assert.Contains(expected, error.Message);
    }
}
