using Clip.Core.Models;

namespace Clip.Cli.Bench;

/// <summary>
/// The distributed mode on one job: one worker process against two, each pinned to its own CPU, over RabbitMQ,
/// results in PostgreSQL. The ratio says how much a second worker adds when it brings its own core.
/// </summary>
internal sealed class ScaleOutStage : IBenchStage
{
    /// <summary>Images per batch message: small, so that two workers share the job's batches evenly.</summary>
    public const int BatchSize = 16;

    public string Name => "scaleout";

    public async Task<IReadOnlyList<BenchTable>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        BenchSettings settings = context.Settings;
        if (string.IsNullOrWhiteSpace(settings.Database) || string.IsNullOrWhiteSpace(settings.RabbitMq))
        {
            var skipped = new BenchTable("Scale-out: skipped");
            skipped.AddNote("Needs PostgreSQL and RabbitMQ: --db and --rabbitmq, or CLIP_TEST_POSTGRES and " +
                "CLIP_TEST_RABBITMQ (infra/services.sh env prints them).");
            return [skipped];
        }

        if (Environment.ProcessorCount < 2)
        {
            var skipped = new BenchTable("Scale-out: skipped");
            skipped.AddNote("Needs two CPUs, one per worker.");
            return [skipped];
        }

        string workerDll = await WorkerBuild.EnsureAsync(context, cancellationToken);
        IReadOnlyList<string> images = await BenchImages.ReplicatedAsync(context, PipelineStage.MinimumImages);
        string source = Path.GetDirectoryName(images[0])!;
        string modelName;
        using (ClipModel model = ClipModel.Load(settings.ModelDirectory))
        {
            modelName = model.Name;
        }

        await using BenchDatabase database = await BenchDatabase.CreateAsync(settings.Database, cancellationToken);
        var environment = new Dictionary<string, string>
        {
            ["Messaging__RabbitMq__Uri"] = settings.RabbitMq,
            ["Storage__Postgres__ConnectionString"] = database.ConnectionString,
            ["Model__Directory"] = settings.ModelDirectory,
            ["Pipeline__DecodeParallelism"] = "1",
            ["DOTNET_PROCESSOR_COUNT"] = "1",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        };
        await using var workers = new WorkerPool(workerDll, environment, context.Log);
        var job = new DistributedJob(settings.RabbitMq, database.ConnectionString, BatchSize);
        BenchVariant[] variants =
        [
            Variant(workers, job, 1, source, modelName),
            Variant(workers, job, 2, source, modelName),
        ];
        context.Log.Write($"scaleout: {images.Count} images, batches of {BatchSize}, workers pinned to one CPU each");
        InterleavedResult result = await InterleavedRun.RunAsync(
            variants, settings.Rounds, settings.Slice, context.Log, cancellationToken);

        var table = new BenchTable(
            $"Scale-out over RabbitMQ: {modelName}, {images.Count} images, batches of {BatchSize}",
            "workers", "images/s", "ratio to one worker");
        table.AddRow("1 (CPU 0)", BenchFormat.Rate(result.Median(variants[0].Name)), BenchFormat.Ratio(1));
        table.AddRow("2 (CPU 0 and CPU 1)", BenchFormat.Rate(result.Median(variants[1].Name)),
            BenchFormat.Ratio(result.Ratio(variants[1].Name, variants[0].Name)));
        table.AddNote("Each worker is a workers/Pipeline.Worker process pinned with taskset to one CPU " +
            "(DOTNET_PROCESSOR_COUNT=1, one decode at a time), so two workers stand for two one-core machines. " +
            "The orchestrator runs in the bench process, unpinned; results go to a database made for the run. " +
            $"A job is timed from submission to its last completion; medians of {settings.Rounds} rounds.");
        return [table];
    }

    private static BenchVariant Variant(
        WorkerPool workers,
        DistributedJob job,
        int count,
        string source,
        string model) =>
        new($"{count} workers", async (_, token) =>
        {
            await workers.ResizeAsync(count, token);
            var summary = await job.RunAsync(source, model, token);
            return summary.ImagesPerSecond;
        })
        {
            WarmUp = false,
        };
}
