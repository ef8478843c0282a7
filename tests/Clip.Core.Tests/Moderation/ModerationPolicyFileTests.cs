using Clip.Core.Moderation;

namespace Clip.Core.Tests.Moderation;

public sealed class ModerationPolicyFileTests
{
    [Fact]
    public void Parse_FullPolicy_ReadsEveryKey()
    {
        ModerationPolicy policy = ModerationPolicyFile.Parse("""
            {
              "name": "memes",
              "description": "ignored",
              "positive": ["a hateful meme"],
              "negative": ["a harmless meme", "a funny meme"],
              "thresholds": { "flag": 0.9, "review": 0.6 },
              "use_image_text": true,
              "text_weight": 0.25
            }
            """);

        Assert.Equal("memes", policy.Name);
        Assert.Equal(["a hateful meme"], policy.PositivePrompts);
        Assert.Equal(["a harmless meme", "a funny meme"], policy.NegativePrompts);
        Assert.Equal(0.9f, policy.FlagThreshold);
        Assert.Equal(0.6f, policy.ReviewThreshold);
        Assert.True(policy.UseImageText);
        Assert.Equal(0.25f, policy.TextWeight);
    }

    [Fact]
    public void Parse_OptionalKeysLeftOut_UsesDefaults()
    {
        ModerationPolicy policy = ModerationPolicyFile.Parse("""
            { "name": "n", "positive": ["x"], "negative": ["y"], "thresholds": { "flag": 0.7 } }
            """);

        Assert.Equal(0.7f, policy.ReviewThreshold);
        Assert.False(policy.UseImageText);
        Assert.Equal(ModerationPolicy.DefaultTextWeight, policy.TextWeight);
    }

    [Fact]
    public void Parse_Templates_PutsEachEntryIntoEveryTemplate()
    {
        ModerationPolicy policy = ModerationPolicyFile.Parse("""
            { "name": "n", "positive": ["violent"], "negative": ["calm", "happy"],
              "templates": ["a {} photo.", "a {} scene."], "thresholds": { "flag": 0.7 } }
            """);

        Assert.Equal(["a violent photo.", "a violent scene."], policy.PositivePrompts);
        Assert.Equal(["a calm photo.", "a calm scene.", "a happy photo.", "a happy scene."], policy.NegativePrompts);
    }

    [Theory]
    [InlineData("""{ "name": "n", "positive": ["x"], "negative": ["y"] }""", "'thresholds' is required")]
    [InlineData("""{ "name": "n", "positive": ["x"], "negative": ["y"], "thresholds": {} }""",
        "'thresholds.flag' is required")]
    [InlineData("""{ "name": "n", "positive": "x", "negative": ["y"], "thresholds": { "flag": 1 } }""",
        "'positive' must be a list of strings")]
    [InlineData("""{ "name": "n", "positive": ["x"], "negative": ["y"], "thresholds": { "flag": "high" } }""",
        "'thresholds.flag' must be a number")]
    [InlineData("""{ "name": "n", "positive": ["x"], "negative": ["y"], "treshold": 1, "thresholds": { "flag": 1 } }""",
        "'treshold' is not a known key")]
    [InlineData("""{ "name": "n", "positive": ["x"], "negative": ["y"], "thresholds": { "flag": 0.5, "review": 1 } }""",
        "0 <= review <= flag <= 1")]
    [InlineData("""{ "positive": ["x"], "negative": ["y"], "thresholds": { "flag": 0.5 } }""",
        "'name' must be a non-empty string")]
    [InlineData("""{ "name": "n", "positive": [], "negative": ["y"], "thresholds": { "flag": 0.5 } }""",
        "no positive prompt")]
    [InlineData("""[1, 2]""", "The document must be a JSON object")]
    [InlineData("""{ "name": "n", """, "not valid JSON")]
    public void Parse_BadPolicy_ThrowsFormatExceptionSayingWhatIsWrong(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ModerationPolicyFile.Parse(json, "my-policy.json"));

        Assert.Contains(expected, error.Message);
        Assert.Contains("my-policy.json", error.Message);
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => ModerationPolicyFile.Load("/no/such/policy.json"));
    }

    [Fact]
    public void Load_YamlFile_ThrowsSayingPoliciesAreJson()
    {
        string path = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "name: n\n");
        try
        {
            var error = Assert.Throws<FormatException>(() => ModerationPolicyFile.Load(path));

            Assert.Contains("JSON", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_ExamplePolicy_IsValidAndUsesImageText()
    {
        string path = Path.Combine(SharedData.RepositoryRoot, "docs", "examples", "policies", "hateful-memes.json");

        ModerationPolicy policy = ModerationPolicyFile.Load(path);

        Assert.Equal("hateful-memes", policy.Name);
        Assert.True(policy.UseImageText);
        Assert.True(policy.PositivePrompts.Count > 1);
        Assert.True(policy.NegativePrompts.Count > 1);
    }
}
