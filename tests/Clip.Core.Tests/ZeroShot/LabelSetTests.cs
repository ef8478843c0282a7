using Clip.Core.ZeroShot;

namespace Clip.Core.Tests.ZeroShot;

public sealed class LabelSetTests
{
    [Fact]
    public void FromNames_DefaultTemplates_GivesSevenPromptsPerClass()
    {
        var labelSet = LabelSet.FromNames("animals", ["cat", "dog"]);

        IReadOnlyList<string> prompts = labelSet.PromptsOf(1);

        Assert.Equal(7, prompts.Count);
        Assert.Equal("itap of a dog.", prompts[0]);
        Assert.Equal("a dog in a video game.", prompts[4]);
    }

    [Fact]
    public void PromptsOf_ClassWithOwnPrompts_UsesThemInsteadOfTemplates()
    {
        LabelClass[] classes = [new LabelClass("France", ["the flag of France"]), new LabelClass("Peru")];
        var labelSet = new LabelSet("flags", classes);

        Assert.Equal(["the flag of France"], labelSet.PromptsOf(0));
        Assert.Equal(7, labelSet.PromptsOf(1).Count);
    }

    [Fact]
    public void BackgroundPrompts_Always_ApplyTemplatesToTheBackgroundClass()
    {
        var labelSet = LabelSet.FromNames("x", ["cat"], PromptTemplates.FromLines(["a photo of a {}."]));

        Assert.Equal(["a photo of a thing."], labelSet.BackgroundPrompts);
    }

    [Theory]
    [InlineData("appears twice", "cat", "cat")]
    [InlineData("empty name", "cat", " ")]
    public void Constructor_BadClassNames_ThrowsSayingWhy(string expected, string first, string second)
    {
        var error = Assert.Throws<ArgumentException>(() => LabelSet.FromNames("animals", [first, second]));

        Assert.Contains("'animals'", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Constructor_NoClasses_Throws()
    {
        Assert.Throws<ArgumentException>(() => LabelSet.FromNames("empty", []));
    }

    [Fact]
    public void Constructor_EmptyOwnPromptList_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new LabelSet("x", [new LabelClass("cat", [])]));

        Assert.Contains("empty prompt list", error.Message);
    }

    [Fact]
    public void Constructor_ThresholdAboveOne_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new LabelSet("x", [new LabelClass("cat", Threshold: 1.5f)]));

        Assert.Contains("outside [0, 1]", error.Message);
    }

    [Fact]
    public void ContentHash_SamePromptsOtherNameAndThresholds_IsEqual()
    {
        var first = new LabelSet("a", [new LabelClass("cat", Threshold: 0.2f), new LabelClass("dog")]);
        var second = new LabelSet("b", [new LabelClass("cat"), new LabelClass("dog", Threshold: 0.9f)]);

        Assert.Equal(first.ContentHash, second.ContentHash);
    }

    [Fact]
    public void ContentHash_OtherTemplatesOrClassOrder_Differs()
    {
        var original = LabelSet.FromNames("a", ["cat", "dog"]);
        var reordered = LabelSet.FromNames("a", ["dog", "cat"]);
        var otherTemplates = LabelSet.FromNames("a", ["cat", "dog"], PromptTemplates.ImageNet80);

        Assert.NotEqual(original.ContentHash, reordered.ContentHash);
        Assert.NotEqual(original.ContentHash, otherTemplates.ContentHash);
    }

    [Fact]
    public void ContentHash_PromptBoundariesMoved_Differs()
    {
        var first = new LabelSet("a", [new LabelClass("x", ["ab", "c"])]);
        var second = new LabelSet("a", [new LabelClass("x", ["a", "bc"])]);

        Assert.NotEqual(first.ContentHash, second.ContentHash);
    }
}
