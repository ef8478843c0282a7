using System.Text.Json;

namespace Clip.Cli.Tests;

public sealed class ModerateCommandTests : IDisposable
{
    private const string Policy = """
        {"name": "test", "positive": ["a hateful meme."], "negative": ["a harmless meme."],
         "thresholds": {"flag": 0.55, "review": 0.45}, "use_image_text": true, "text_weight": 0.25}
        """;

    private readonly EvalTestFolder _folder = new();

    [Fact]
    public async Task Moderate_SampleFolderWithText_MixesImageAndTextScoresAndDecidesByThresholds()
    {
        string policy = _folder.Write("policy.json", Policy);

        var result = await ClipProcess.RunAsync(null, "moderate", "--policy", policy, "--text", "i love this cat",
            "--model", ClipProcess.TinyModel, Path.GetDirectoryName(EvalTestFolder.Sample("rocket.jpg"))!);

        Assert.Equal(2, result.ExitCode);
        List<JsonElement> lines = EvalTestFolder.JsonLines(result.Output);
        Assert.Equal(9, lines.Count);
        JsonElement broken = Assert.Single(lines, line => line.TryGetProperty("error", out _));
        Assert.EndsWith("truncated-rocket.jpg", broken.GetProperty("image").GetString());
        foreach (JsonElement line in lines.Where(line => !line.TryGetProperty("error", out _)))
        {
            double score = line.GetProperty("score").GetDouble();
            double image = line.GetProperty("image_score").GetDouble();
            double text = line.GetProperty("text_score").GetDouble();
            Assert.Equal((0.75 * image) + (0.25 * text), score, 5);
            string expected = score >= 0.55 ? "flag" : score >= 0.45 ? "review" : "pass";
            Assert.Equal(expected, line.GetProperty("decision").GetString());
            Assert.Equal("zero-shot", line.GetProperty("scorer").GetString());
        }
    }

    [Fact]
    public async Task Moderate_WithoutText_ScoresTheImageAlone()
    {
        string policy = _folder.Write("policy.json", Policy);

        var result = await ClipProcess.RunAsync(null, "moderate", "--policy", policy,
            "--model", ClipProcess.TinyModel, EvalTestFolder.Sample("rocket.jpg"));

        Assert.Equal(0, result.ExitCode);
        JsonElement line = Assert.Single(EvalTestFolder.JsonLines(result.Output));
        Assert.Equal(JsonValueKind.Null, line.GetProperty("text_score").ValueKind);
        Assert.Equal(line.GetProperty("image_score").GetDouble(), line.GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Moderate_NeitherPathsNorMemes_FailsAskingForOne()
    {
        var result = await ClipProcess.RunAsync(null, "moderate", "--policy", EvalTestFolder.Policy);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Give image PATHs or --memes FILE.jsonl", result.Error);
    }

    [Fact]
    public async Task Moderate_PolicyWithMisspeltKey_FailsNamingTheKey()
    {
        string policy = _folder.Write("policy.json", Policy.Replace("\"text_weight\"", "\"text_weigth\""));

        var result = await ClipProcess.RunAsync(null, "moderate", "--policy", policy,
            "--model", ClipProcess.TinyModel, EvalTestFolder.Sample("rocket.jpg"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'text_weigth' is not a known key", result.Error);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task Moderate_WithoutPolicy_FailsNamingTheOption()
    {
        var result = await ClipProcess.RunAsync(null, "moderate", EvalTestFolder.Sample("rocket.jpg"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--policy", result.Error);
    }

    public void Dispose() => _folder.Dispose();
}
