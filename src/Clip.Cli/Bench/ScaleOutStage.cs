using Clip.Core.Models;

namespace Clip.Cli.Bench;

/// <summary>
/// The distributed mode on one job: one worker process against two, over RabbitMQ, results in PostgreSQL. Each
/// worker decodes one image at a time and sees one processor, so it uses about one core, and the ratio says how
/// much a second worker adds when there is a core for it.
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

        IReadOnlyDictionary<string, uint> others =
            await BrokerConsumers.FindAsync(settings.RabbitMq, cancellationToken);
        if (others.Count > 0)
        {
            var skipped = new BenchTable("Scale-out: skipped");
            skipped.AddNote("Other processes consume the pipeline's queues on this RabbitMQ virtual host (" +
                string.Join(", ", others.Select(o => $"{o.Key}: {o.Value}")) + "); they would take part of the " +
                "job. Run the stage when they have stopped, or against a virtual host of its own (--rabbitmq).");
            return [skipped];
        }

        string workerDll = await WorkerBuild.EnsureAsync(context, cancellationToken);
        IReadOnlyList<string> images = await BenchImages.ReplicatedAsync(context, PipelineStage.MinimumImages);
        IReadOnlyList<string> warmUp = await BenchImages.ReplicatedAsync(context, BatchSize * 4);
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
        var runs = new ScaleOutRuns(
            settings.RabbitMq, workers, job, modelName, Folder(images), Folder(warmUp), context.Log);
        BenchVariant[] variants = [runs.Variant(1), runs.Variant(2)];
        context.Log.Write($"scaleout: {images.Count} images, batches of {BatchSize}");
        InterleavedResult result = await InterleavedRun.RunAsync(
            variants, settings.Rounds, settings.Slice, context.Log, cancellationToken);

        var table = new BenchTable(
            $"Scale-out over RabbitMQ: {modelName}, {images.Count} images, batches of {BatchSize}",
            "workers", "images/s", "ratio to one worker");
        table.AddRow("1", BenchFormat.Rate(result.Median(variants[0].Name)), BenchFormat.Ratio(1));
        table.AddRow("2", BenchFormat.Rate(result.Median(variants[1].Name)),
            BenchFormat.Ratio(result.Ratio(variants[1].Name, variants[0].Name)));
        table.AddNote("Each worker is a workers/Pipeline.Worker process with DOTNET_PROCESSOR_COUNT=1 and one " +
            "decode at a time. The orchestrator runs in the bench process; results go to a database made for the " +
            "run. A newly started worker first gets a short warm-up job. A job is timed from submission to its " +
            $"last completion; medians of {settings.Rounds} rounds.");
        table.AddNote("PostgreSQL, RabbitMQ and the orchestrator run on the same cores as the workers.");
        return [table];
    }

    private static string Folder(IReadOnlyList<string> images) => Path.GetDirectoryName(images[0])!;
}
