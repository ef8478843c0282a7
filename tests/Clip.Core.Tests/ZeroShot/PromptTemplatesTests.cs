using Clip.Core.ZeroShot;

namespace Clip.Core.Tests.ZeroShot;

public sealed class PromptTemplatesTests
{
    [Fact]
    public void ImageNet80_Always_HoldsEightyDistinctTemplatesWithOnePlaceholderEach()
    {
        IReadOnlyList<string> templates = PromptTemplates.ImageNet80.Templates;

        Assert.Equal(80, templates.Count);
        Assert.Equal(80, templates.Distinct().Count());
        Assert.All(templates, t => Assert.Equal(2, t.Split("{}").Length));
        Assert.Equal("a bad photo of a {}.", templates[0]);
        Assert.Equal("a tattoo of the {}.", templates[79]);
    }

    [Fact]
    public void Default_Always_IsSevenOfTheImageNetTemplates()
    {
        IReadOnlyList<string> templates = PromptTemplates.Default.Templates;

        Assert.Equal(7, templates.Count);
        Assert.All(templates, t => Assert.Contains(t, PromptTemplates.ImageNet80.Templates));
        Assert.Equal("itap of a {}.", templates[0]);
    }

    [Fact]
    public void Apply_ClassName_ReplacesEveryPlaceholder()
    {
        var templates = PromptTemplates.FromLines(["a photo of a {}.", "{} or {}?"]);

        Assert.Equal(["a photo of a red fox.", "red fox or red fox?"], templates.Apply("red fox"));
    }

    [Fact]
    public void FromLines_BlankAndCommentLines_AreSkipped()
    {
        var templates = PromptTemplates.FromLines(["# sketches", "", "  a sketch of a {}.  ", "   "]);

        Assert.Equal(["a sketch of a {}."], templates.Templates);
    }

    [Fact]
    public void FromLines_LineWithoutPlaceholder_ThrowsNamingSourceAndLine()
    {
        var error = Assert.Throws<FormatException>(
            () => PromptTemplates.FromLines(["a photo of a {}.", "# note", "a photo"], "mine.txt"));

        Assert.Contains("mine.txt line 3", error.Message);
    }

    [Fact]
    public void FromLines_OnlyComments_Throws()
    {
        Assert.Throws<FormatException>(() => PromptTemplates.FromLines(["# nothing"]));
    }

    [Fact]
    public void Resolve_NamesAndFile_GiveTheRightSet()
    {
        string path = Path.Combine(Path.GetTempPath(), "templates-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllLines(path, ["a drawing of a {}.", "a {} in the snow."]);
        try
        {
            Assert.Same(PromptTemplates.Default, PromptTemplates.Resolve("default"));
            Assert.Same(PromptTemplates.ImageNet80, PromptTemplates.Resolve("ImageNet80"));
            Assert.Equal(["a drawing of a {}.", "a {} in the snow."], PromptTemplates.Resolve(path).Templates);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Resolve_UnknownNameThatIsNoFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => PromptTemplates.Resolve("imagenet81"));
    }
}
