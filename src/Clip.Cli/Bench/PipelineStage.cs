using System.Globalization;
using Clip.Core.Imaging.Decoding;
using Clip.Core.Models;
using Pipeline.Processing;
using Pipeline.Processing.Engine;

namespace Clip.Cli.Bench;

/// <summary>
/// The embedded pipeline end to end (list, read, decode, preprocess, encode, write files) on copies of the real
/// photos, against the encoder limit at the pipeline's batch size, with the same model options, in alternation.
/// Decoding alone on one thread is measured beside them to show what bounds the pipeline.
/// </summary>
internal sealed class PipelineStage : IBenchStage
{
    /// <summary>At least this many images per job, so that start and end effects are small.</summary>
    public const int MinimumImages = 300;

    /// <summary>The goal: the pipeline keeps this share of the encoder limit.</summary>
    public const double Goal = 0.9;

    public string Name => "pipeline";

    public async Task<IReadOnlyList<BenchTable>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> images = await BenchImages.ReplicatedAsync(context, MinimumImages);
        string source = Path.GetDirectoryName(images[0])!;
        var tables = new List<BenchTable>();
        foreach (string modelDirectory in context.Models)
        {
            tables.Add(await MeasureAsync(context, modelDirectory, source, images, cancellationToken));
        }

        return tables;
    }

    private static async Task<BenchTable> MeasureAsync(
        BenchContext context,
        string modelDirectory,
        string source,
        IReadOnlyList<string> images,
        CancellationToken cancellationToken)
    {
        int threads = context.Settings.Threads;
        var engine = new ClipEngineOptions
        {
            ModelDirectory = modelDirectory,
            Model = new ClipModelOptions
            {
                IntraOpThreads = threads,
                ExecutionProvider = ExecutionProviderPreference.Cpu,
                AllowSpinning = false,
            },
        };
        var pipeline = new PipelineOptions { DecodeParallelism = threads };
        pipeline.Validate();

        using ClipModel model = ClipModel.Load(modelDirectory, engine.Model);
        float[] pixels = RandomPixels.Create(pipeline.BatchSize, model.ImageEncoder.ValuesPerImage);
        var decoding = new PreparingLoop(engine.Decoding, images);
        var cpu = new List<double>();
        string output = context.Workspace.NewFolder("pipeline-output");
        var job = new BenchVariant("pipeline", async (_, token) =>
        {
            EmbeddedJob.Outcome outcome = await EmbeddedJob.RunAsync(engine, pipeline, source, output, token);
            if (outcome.Summary.Failures.Count > 0)
            {
                context.Log.Write($"pipeline: {outcome.Summary.Failures.Count} images failed, e.g. " +
                    outcome.Summary.Failures[0].Reason);
            }

            cpu.Add(outcome.CpuTime.TotalSeconds / outcome.Summary.Elapsed.TotalSeconds / Environment.ProcessorCount);
            return outcome.Summary.ImagesPerSecond;
        })
        {
            // The decode and encoder variants warm up the same code; a job is long enough to need no more.
            WarmUp = false,
        };
        BenchVariant[] variants =
        [
            EncoderStage.Variant("encoder", model.ImageEncoder, pixels, pipeline.BatchSize),
            job,
            BenchVariant.Looping("decode", decoding.Next),
        ];
        context.Log.Write($"pipeline: {model.Name}, {images.Count} images, warming up");
        model.ImageEncoder.Encode(pixels, pipeline.BatchSize, cancellationToken);
        decoding.Next();

        InterleavedResult result = await InterleavedRun.RunAsync(
            variants, context.Settings.Rounds, context.Settings.Slice, context.Log, cancellationToken);
        return Table(context, model.Name, images.Count, pipeline, result, Statistics.Median(cpu));
    }

    private static BenchTable Table(
        BenchContext context,
        string modelName,
        int imageCount,
        PipelineOptions pipeline,
        InterleavedResult result,
        double cpuBusy)
    {
        int threads = context.Settings.Threads;
        var table = new BenchTable(
            $"End-to-end embedded pipeline: {modelName} ({threads} threads, batch {pipeline.BatchSize})",
            "measure", "images/s", "ms per image", "ratio to encoder limit");
        double encoder = result.Median("encoder");
        double job = result.Median("pipeline");
        double decode = result.Median("decode");
        double ratio = result.Ratio("pipeline", "encoder");
        table.AddRow($"encoder limit, batch {pipeline.BatchSize}", BenchFormat.Rate(encoder),
            BenchFormat.Milliseconds(1000 / encoder), BenchFormat.Ratio(1));
        table.AddRow($"pipeline, {imageCount} images", BenchFormat.Rate(job),
            BenchFormat.Milliseconds(1000 / job), BenchFormat.Ratio(ratio));
        table.AddRow("decode + preprocess, 1 thread", BenchFormat.Rate(decode),
            BenchFormat.Milliseconds(1000 / decode), BenchFormat.Ratio(result.Ratio("decode", "encoder")));

        // Decoding and encoding share the same cores: each image costs its encode time plus its decode time spread
        // over the cores, unless the encoder leaves cores idle.
        double cores = Math.Min(threads, Environment.ProcessorCount);
        double ceiling = 1 / encoder / (1 / encoder + 1 / (decode * cores));
        table.AddNote($"Goal: pipeline >= {Goal:F1}x the encoder limit; measured {BenchFormat.Ratio(ratio)} " +
            (ratio >= Goal ? "(met)." : $"(missed by {BenchFormat.Number((Goal - ratio) * 100, 0)} points)."));
        table.AddNote("Shared-core ceiling when decoding takes core time from the encoder: " +
            $"{BenchFormat.Ratio(ceiling)} (decode is {BenchFormat.Number(100 * (1 - ceiling), 0)}% of the " +
            "work per image).");
        table.AddNote("Process CPU busy during the jobs: " +
            $"{BenchFormat.Number(100 * cpuBusy, 0)}% of {Environment.ProcessorCount} cores (median).");
        table.AddNote(string.Create(CultureInfo.InvariantCulture,
            $"{context.Settings.Rounds} interleaved rounds; a job's time excludes loading the model."));
        return table;
    }
}
