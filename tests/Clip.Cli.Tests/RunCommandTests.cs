using System.Text.Json;
using Clip.Core.Tests;

namespace Clip.Cli.Tests;

public sealed class RunCommandTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "clip-run-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Run_SamplePhotosWithOneTruncatedFile_LabelsTheRestAndExitsWithSomeFailed()
    {
        string samples = Path.Combine(SharedData.RepositoryRoot, "samples");

        string policy = Path.Combine(SharedData.RepositoryRoot, "docs", "examples", "policies", "hateful-memes.json");

        var result = await ClipProcess.RunAsync(null, "run", "--source", Path.Combine(samples, "images"),
            "--labels", Path.Combine(samples, "labels.txt"), "--policy", policy, "--model", ClipProcess.TinyModel,
            "--out", _output);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("9 images: 8 embedded, 8 labelled, 1 failed", result.Output);
        Assert.Contains("truncated-rocket.jpg: truncated:", result.Output);
        var lines = File.ReadAllLines(Path.Combine(_output, "results.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToList();
        Assert.Equal(9, lines.Count);
        var ok = lines.Where(l => l.GetProperty("status").GetString() == "ok").ToList();
        Assert.Equal(8, ok.Count);
        Assert.All(ok, l =>
        {
            JsonElement score = Assert.Single(l.GetProperty("moderation").EnumerateArray());
            Assert.Equal("hateful-memes", score.GetProperty("policy").GetString());
            Assert.Contains(score.GetProperty("decision").GetString(), new[] { "pass", "review", "flag" });
        });
        Assert.True(File.Exists(Path.Combine(_output, "embeddings.parquet")));
        Assert.Equal(
            128 + (8L * 32 * sizeof(float)),
            new FileInfo(Path.Combine(_output, "embeddings.npy")).Length);
    }

    [Theory]
    [InlineData("--top")]
    [InlineData("--batch-size")]
    public async Task Run_ZeroForACount_IsAUsageErrorNamingTheOption(string option)
    {
        string samples = Path.Combine(SharedData.RepositoryRoot, "samples", "images");

        var result = await ClipProcess.RunAsync(null, "run", "--source", samples, option, "0",
            "--model", ClipProcess.TinyModel, "--out", _output);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{option} must be at least 1.", result.Output + result.Error);
        Assert.False(Directory.Exists(_output));
    }

    [Fact]
    public async Task Run_MissingSource_FailsWithAMessageNamingIt()
    {
        var result = await ClipProcess.RunAsync(null, "run", "--source", "/no/such/folder",
            "--model", ClipProcess.TinyModel, "--out", _output);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/no/such/folder", result.Error);
    }

    [Fact]
    public async Task Run_BadLabelFile_FailsBeforeAnyWork()
    {
        Directory.CreateDirectory(_output);
        string labels = Path.Combine(_output, "one.txt");
        await File.WriteAllTextAsync(labels, "only-one-class\n");

        var result = await ClipProcess.RunAsync(null, "run", "--source", _output, "--labels", labels,
            "--model", ClipProcess.TinyModel, "--out", Path.Combine(_output, "out"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("at least two classes", result.Error);
        Assert.False(Directory.Exists(Path.Combine(_output, "out")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }
}
