using Clip.Core.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Contracts;
using Pipeline.Processing;
using Pipeline.Processing.Engine;
using Pipeline.Processing.Hosting;
using Pipeline.Processing.Postgres;
using Pipeline.Storage;

namespace Pipeline.Tests.Curation;

/// <summary>Embeds image folders into a test database with the tiny test model, as <c>clip run --db</c> does.
/// </summary>
internal static class TinyCorpus
{
    public static string ModelDirectory => Path.Combine(SharedData.RepositoryRoot, "tests", "fixtures", "tiny-clip");

    public static string RealImages => SharedData.PathOf("images", "real");

    /// <summary>Runs one job over <paramref name="source"/> and returns the registered model.</summary>
    public static async Task<ModelRecord> EmbedAsync(
        FreshDatabase database,
        string source,
        JobTasks? tasks = null,
        string? modelDirectory = null)
    {
        var engine = new ClipEngineOptions { ModelDirectory = modelDirectory ?? ModelDirectory };
        var pipeline = new PipelineOptions { BatchSize = 16 };
        using IHost host = EmbeddedPipeline.CreateHost(engine, pipeline, _ => new PostgresResultSink(database.Storage),
            Path.GetTempPath());
        var clip = (ClipEngine)host.Services.GetRequiredService<IClipEngine>();
        ModelRecord model =
            await ModelRegistrar.RegisterAsync(database.Storage, clip.Model.Info, CancellationToken.None);
        await host.StartAsync();
        try
        {
            var summary = await host.Services.GetRequiredService<JobRunner>().RunAsync(
                source, clip.ModelName, tasks ?? JobTasks.EmbedOnly, pipeline.BatchSize, null, CancellationToken.None);
            Assert.Empty(summary.Failures);
        }
        finally
        {
            await host.StopAsync();
        }

        return model;
    }

    /// <summary>The <c>same_scene_as</c> pairs of the real corpus manifest, as file names.</summary>
    public static IReadOnlyList<(string File, string SameAs)> SameScenePairs() =>
        File.ReadLines(Path.Combine(RealImages, "manifest.jsonl"))
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
            .Where(row => row.TryGetProperty("same_scene_as", out _))
            .Select(row => (row.GetProperty("file").GetString()!, row.GetProperty("same_scene_as").GetString()!))
            .ToList();
}
