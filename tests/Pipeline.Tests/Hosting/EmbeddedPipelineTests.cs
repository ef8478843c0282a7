using System.Text.Json;
using Clip.Core.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Contracts;
using Pipeline.Processing;
using Pipeline.Processing.Engine;
using Pipeline.Processing.Hosting;
using Pipeline.Processing.LabelSets;
using Pipeline.Storage.Files;

namespace Pipeline.Tests.Hosting;

public sealed class EmbeddedPipelineTests
{
    private static string TinyModel => Path.Combine(SharedData.RepositoryRoot, "tests", "fixtures", "tiny-clip");

    [Fact]
    public async Task RunAsync_RealPhotosMixedWithBrokenFiles_GivesEachFileExactlyOneResult()
    {
        using var dir = new TempDirectory();
        string input = Path.Combine(dir.Path, "in");
        string[] real = Directory.GetFiles(SharedData.PathOf("images", "real"))
            .Where(f => !f.EndsWith(".jsonl", StringComparison.Ordinal))
            .Where(f => !f.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Take(6)
            .ToArray();
        string[] broken =
        [
            "random_bytes.jpg", "jpeg_missing_sos.jpg", "png_chunk_length_2gib.png", "plain_text_named.jpg",
        ];
        Directory.CreateDirectory(input);
        foreach (string file in real)
        {
            File.Copy(file, Path.Combine(input, Path.GetFileName(file)));
        }

        foreach (string name in broken)
        {
            File.Copy(SharedData.PathOf("images", "edge", name), Path.Combine(input, name));
        }

        string output = Path.Combine(dir.Path, "out");
        var labels = LabelSetFile.FromNames("demo", ["cat", "dog", "car"]);
        using IHost host = EmbeddedPipeline.CreateHost(
            new ClipEngineOptions { ModelDirectory = TinyModel },
            new PipelineOptions { BatchSize = 4, ConcurrentBatches = 2 },
            sink: null,
            outputDirectory: output);
        var engine = host.Services.GetRequiredService<IClipEngine>();
        await host.StartAsync();
        var summary = await host.Services.GetRequiredService<JobRunner>().RunAsync(
            input, engine.ModelName, new JobTasks([labels], TopK: 2), 4, null, CancellationToken.None);
        await host.StopAsync();

        Assert.Equal(real.Length + broken.Length, summary.Images);
        Assert.Equal(real.Length, summary.Embedded);
        Assert.Equal(broken.Order(StringComparer.Ordinal), summary.Failures.Select(f => Path.GetFileName(f.Uri)));
        Assert.All(summary.Failures, f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));

        var lines = File.ReadAllLines(Path.Combine(output, FileResultSink.ResultsName))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToList();
        Assert.Equal(
            real.Concat(broken).Select(Path.GetFileName).Order(StringComparer.Ordinal),
            lines.Select(l => Path.GetFileName(l.GetProperty("uri").GetString())).Order(StringComparer.Ordinal));
        foreach (JsonElement line in lines.Where(l => l.GetProperty("status").GetString() == "ok"))
        {
            var top = line.GetProperty("labels").EnumerateArray().ToList();
            Assert.Equal(2, top.Count);
            Assert.True(top[0].GetProperty("score").GetSingle() >= top[1].GetProperty("score").GetSingle());
        }
    }

    [Fact]
    public async Task RunAsync_SinkRefusesABatch_JobFinishesWithThatBatchsImagesFailedWithTheReason()
    {
        using var dir = new TempDirectory();
        string input = Path.Combine(dir.Path, "in");
        Directory.CreateDirectory(input);
        foreach (string file in Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "samples", "images")))
        {
            File.Copy(file, Path.Combine(input, Path.GetFileName(file)));
        }

        var files = new FileResultSink(new FileResultSinkOptions { OutputDirectory = Path.Combine(dir.Path, "out") });
        using IHost host = EmbeddedPipeline.CreateHost(
            new ClipEngineOptions { ModelDirectory = TinyModel },
            new PipelineOptions { BatchSize = 4, ConcurrentBatches = 2 },
            _ => new FailingSink(files, failingBatch: 1),
            outputDirectory: Path.Combine(dir.Path, "unused"));
        var engine = host.Services.GetRequiredService<IClipEngine>();
        await host.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var summary = await host.Services.GetRequiredService<JobRunner>().RunAsync(
            input, engine.ModelName, JobTasks.EmbedOnly, 4, null, timeout.Token);
        await host.StopAsync();

        string[] secondBatch = Directory.GetFiles(input).Order(StringComparer.Ordinal).Skip(4).Take(4).ToArray();
        var lost = summary.Failures.Where(f => f.Kind == "batch-failed").ToList();
        Assert.Equal(secondBatch, lost.Select(f => f.Uri).Order(StringComparer.Ordinal));
        Assert.All(lost, f => Assert.Contains("No space left on device", f.Reason));
        Assert.Equal(9, summary.Images);
        Assert.Equal(9, summary.Embedded + summary.Failures.Count);
    }
}
