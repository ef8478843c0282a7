using System.Text.Json;

namespace Clip.Cli.Tests;

public sealed class MemesCommandTests : IDisposable
{
    private static readonly (string Image, int Label, string Text)[] Memes =
    [
        ("chelsea.png", 0, "i love this cat"), ("chelsea.png", 1, "i hate this cat"),
        ("coffee.png", 0, "this coffee is the best"), ("coffee.png", 1, "this coffee is the worst"),
        ("rocket.jpg", 0, "what a lovely rocket"), ("rocket.jpg", 1, "nobody wants this rocket"),
        ("flower.jpg", 0, "everybody wants this flower"), ("flower.jpg", 1, "get this flower out of here"),
        ("hubble_deep_field.jpg", 0, "i love this galaxy"), ("hubble_deep_field.jpg", 1, "i hate this galaxy"),
        ("truncated-rocket.jpg", 1, "i hate this rocket"),
    ];

    private readonly EvalTestFolder _folder = new();

    [Fact]
    public async Task EvalMemes_ZeroShot_MatchesRocAucAndAccuracyOfTheModerateScores()
    {
        string memes = _folder.Memes("dev.jsonl", Memes);
        string policy = _folder.Write("policy.json", File.ReadAllText(EvalTestFolder.Policy)
            .Replace("\"flag\": 0.8", "\"flag\": 0.6"));
        string json = _folder.PathOf("report.json");

        var moderate = await ClipProcess.RunAsync(null, "moderate", "--policy", policy, "--memes", memes,
            "--model", ClipProcess.TinyModel);
        var eval = await ClipProcess.RunAsync(null, "eval", "--memes", memes, "--policy", policy, "--folds", "0",
            "--json", json, "--model", ClipProcess.TinyModel);

        Assert.Equal(2, moderate.ExitCode);
        List<JsonElement> scored = EvalTestFolder.JsonLines(moderate.Output)
            .Where(line => line.TryGetProperty("score", out _))
            .ToList();
        Assert.Equal(10, scored.Count);
        double[] scores = scored.Select(line => line.GetProperty("score").GetDouble()).ToArray();
        bool[] hateful = scored.Select(line => Memes[int.Parse(line.GetProperty("id").GetString()!)].Label == 1)
            .ToArray();
        double accuracy = scores.Zip(hateful).Count(p => (p.First >= 0.6) == p.Second) / 10.0;

        Assert.Equal(2, eval.ExitCode);
        JsonElement report = EvalTestFolder.ReadJson(json);
        Assert.Equal(10, report.GetProperty("samples").GetInt32());
        JsonElement metrics = report.GetProperty("rows")[0].GetProperty("metrics");
        Assert.Equal(ReferenceMetrics.RocAuc(scores, hateful), metrics.GetProperty("ROC-AUC").GetDouble(), 5);
        Assert.Equal(accuracy, metrics.GetProperty("accuracy").GetDouble(), 9);
        Assert.Equal(3, report.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task MemeProbe_TrainedOnMemes_IsMeasuredByEvalAndAppliedByModerateButNotByProbeApply()
    {
        string memes = _folder.Memes("train.jsonl", Memes);
        string probe = _folder.PathOf("meme-probe.json");

        var train = await ClipProcess.RunAsync(null, "probe", "train", "--memes", memes, "--out", probe,
            "--folds", "2", "--model", ClipProcess.TinyModel);
        var eval = await ClipProcess.RunAsync(null, "eval", "--memes", memes, "--policy", EvalTestFolder.Policy,
            "--probe", probe, "--model", ClipProcess.TinyModel);
        var moderate = await ClipProcess.RunAsync(null, "moderate", "--policy", EvalTestFolder.Policy,
            "--memes", memes, "--probe", probe, "--model", ClipProcess.TinyModel);
        var withoutText = await ClipProcess.RunAsync(null, "moderate", "--policy", EvalTestFolder.Policy,
            "--probe", probe, "--model", ClipProcess.TinyModel, EvalTestFolder.Sample("rocket.jpg"));
        var apply = await ClipProcess.RunAsync(null, "probe", "apply", "--probe", probe,
            "--model", ClipProcess.TinyModel, EvalTestFolder.Sample("rocket.jpg"));

        Assert.Equal(2, train.ExitCode);
        Assert.Contains("classes: not_hateful (5), hateful (5)", train.Output);
        Assert.Contains("| linear probe meme-probe.json |", eval.Output);
        List<JsonElement> lines = EvalTestFolder.JsonLines(moderate.Output);
        Assert.All(lines.Where(l => l.TryGetProperty("score", out _)), line =>
        {
            Assert.Equal("probe", line.GetProperty("scorer").GetString());
            Assert.Equal(JsonValueKind.Null, line.GetProperty("image_score").ValueKind);
        });
        Assert.Equal(1, withoutText.ExitCode);
        Assert.Contains("give --memes or --text", withoutText.Error);
        Assert.Equal(1, apply.ExitCode);
        Assert.Contains("use clip moderate --memes FILE --probe", apply.Error);
    }

    [Fact]
    public async Task EvalMemes_WithoutPolicy_FailsNamingIt()
    {
        var result = await ClipProcess.RunAsync(null, "eval", "--memes", _folder.PathOf("dev.jsonl"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--memes needs --policy FILE", result.Error);
    }

    [Fact]
    public async Task EvalMemes_UnlabelledMeme_FailsNamingIt()
    {
        string image = EvalTestFolder.Sample("rocket.jpg");
        string memes = _folder.Write("test.jsonl", $$"""{"id": 7, "img": "{{image}}", "text": "hi"}""");

        var result = await ClipProcess.RunAsync(null, "eval", "--memes", memes, "--policy", EvalTestFolder.Policy,
            "--model", ClipProcess.TinyModel);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Meme '7' has no label", result.Error);
    }

    public void Dispose() => _folder.Dispose();
}
