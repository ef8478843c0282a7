using System.Text.Json;
using Clip.Core.Numerics;
using Clip.Core.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Contracts;
using Pipeline.Processing;
using Pipeline.Processing.Engine;
using Pipeline.Processing.Hosting;
using Pipeline.Processing.LabelSets;
using Pipeline.Storage.Files;
using Pipeline.Storage.Results;
using Pipeline.Tests.Curation;
using Pipeline.Tests.Probes;

namespace Pipeline.Tests.Hosting;

/// <summary>A linear probe as a task of an embedded job, results to files.</summary>
public sealed class EmbeddedPipelineProbeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task RunAsync_JobWithAProbe_EachImageHasTheProbesTopClassesOfItsEmbedding()
    {
        string output = Path.Combine(_dir.Path, "out");
        var labels = LabelSetFile.FromNames("demo", ["cat", "dog", "car"]);

        var (summary, probe) = await RunAsync(output, (name, hash, dimension) =>
            new JobTasks([labels], TopK: 2, Probes: [TestProbes.For(name, hash, dimension)]));

        float[] embeddings = NpyFile.Read(Path.Combine(output, FileResultSink.NpyName)).ToSingleArray();
        int dimension = embeddings.Length / summary.Embedded;
        var lines = File.ReadLines(Path.Combine(output, FileResultSink.ResultsName))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(l => l.GetProperty("status").GetString() == "ok")
            .ToList();
        Assert.Equal(8, lines.Count);
        foreach (JsonElement line in lines)
        {
            int row = line.GetProperty("row").GetInt32();
            float[] embedding = embeddings.AsSpan(row * dimension, dimension).ToArray();
            var stored = line.GetProperty("labels").EnumerateArray().ToList();
            var expected = TestProbes.Expected(probe, embedding, 2)
                .Select(l => (l.LabelSet, l.Label, l.Score));
            Assert.Equal(expected, stored.Where(l => l.GetProperty("set").GetString() == "scene")
                .Select(l => ("scene", l.GetProperty("label").GetString()!, l.GetProperty("score").GetSingle())));
            Assert.Equal(2, stored.Count(l => l.GetProperty("set").GetString() == "demo"));
        }
    }

    [Fact]
    public async Task RunAsync_ProbeTrainedForAnotherModel_EveryBatchFailsWithTheReason()
    {
        var (summary, _) = await RunAsync(Path.Combine(_dir.Path, "out"), (name, _, dimension) =>
            new JobTasks([], Probes: [TestProbes.For(name, "a-hash-of-other-weights", dimension)]));

        Assert.Equal(0, summary.Embedded);
        Assert.Equal(9, summary.Failures.Count);
        Assert.All(summary.Failures, f =>
        {
            Assert.Equal("batch-failed", f.Kind);
            Assert.Contains("The linear probe 'scene' was trained for model 'tiny-clip' (content hash a-hash-of-o",
                f.Reason);
        });
    }

    public void Dispose() => _dir.Dispose();

    private async Task<(JobRunSummary Summary, LinearProbeDefinition Probe)> RunAsync(
        string output,
        Func<string, string, int, JobTasks> tasksFor)
    {
        string input = Path.Combine(_dir.Path, "in");
        Directory.CreateDirectory(input);
        foreach (string file in Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "samples", "images")))
        {
            File.Copy(file, Path.Combine(input, Path.GetFileName(file)));
        }

        using IHost host = EmbeddedPipeline.CreateHost(
            new ClipEngineOptions { ModelDirectory = TinyCorpus.ModelDirectory },
            new PipelineOptions { BatchSize = 4, ConcurrentBatches = 2 },
            sink: null,
            outputDirectory: output);
        var engine = host.Services.GetRequiredService<IClipEngine>();
        JobTasks tasks = tasksFor(engine.ModelName, engine.ModelContentHash, engine.EmbeddingDimension);
        await host.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        JobRunSummary summary = await host.Services.GetRequiredService<JobRunner>().RunAsync(
            input, engine.ModelName, tasks, 4, null, timeout.Token);
        await host.StopAsync();
        return (summary, tasks.ProbeList[0]);
    }
}
