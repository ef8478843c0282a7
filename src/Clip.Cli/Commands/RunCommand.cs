using System.CommandLine;
using Clip.Cli.Common;
using Clip.Cli.Output;
using Clip.Core.Imaging.Decoding;
using Clip.Core.Imaging.Preprocessing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts;
using Pipeline.Processing;
using Pipeline.Processing.Engine;
using Pipeline.Processing.Hosting;
using Pipeline.Processing.LabelSets;
using Pipeline.Processing.Moderation;
using Pipeline.Processing.Probes;

namespace Clip.Cli.Commands;

/// <summary>
/// <c>clip run</c>: the main job. Embeds and labels every image of a folder or blob container in one process,
/// with a progress bar and a closing summary; results go to files, or to PostgreSQL with <c>--db</c>.
/// </summary>
internal sealed class RunCommand : ICliCommand
{
    private readonly Option<string> _source = new("--source", "-s")
    {
        Description = "A folder (walked recursively) or image file, or a blob container URL with an optional " +
            "prefix (credentials from --blob-connection-string or AZURE_STORAGE_CONNECTION_STRING).",
        HelpName = "PATH|URL",
        Required = true,
    };

    private readonly Option<FileInfo[]> _labels = new("--labels", "-l")
    {
        Description = "Label set files to score (.txt one class per line, or .yaml/.yml/.json); repeatable. " +
            "Without any, images are embedded only.",
        HelpName = "FILE",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<FileInfo[]> _policies = new("--policy", "-p")
    {
        Description = "Moderation policy files (JSON: positive and negative prompts, flag and review " +
            "thresholds); repeatable. Each image gets a score and a decision per policy.",
        HelpName = "FILE",
    };

    private readonly Option<FileInfo[]> _probes = new("--probe")
    {
        Description = "Linear probe files written by clip probe train --data for this model; repeatable. Each " +
            "image gets the probe's top classes as labels, under the probe file's name.",
        HelpName = "FILE",
    };

    private readonly Option<float?> _probeMinProbability = new("--probe-min-probability")
    {
        Description = "Probe labels below this probability are not kept (an image may get none). Default: keep " +
            "the top ones whatever their probability.",
        HelpName = "P",
    };

    private readonly Option<DirectoryInfo?> _model = CommonOptions.Model();

    private readonly Option<DirectoryInfo> _out = new("--out", "-o")
    {
        Description = "Output folder for embeddings.parquet, embeddings.npy and results.jsonl.",
        DefaultValueFactory = _ => new DirectoryInfo("clip-output"),
        HelpName = "DIR",
    };

    private readonly Option<string?> _db = new("--db")
    {
        Description = "A PostgreSQL connection string: results go to the database (pgvector) instead of files.",
        HelpName = "CONNECTION",
    };

    private readonly Option<int> _top = new("--top")
    {
        Description = "Labels kept per image and label set.",
        DefaultValueFactory = _ => 3,
        HelpName = "K",
    };

    private readonly Option<int> _batchSize = new("--batch-size")
    {
        Description = "Images per batch.",
        DefaultValueFactory = _ => new PipelineOptions().BatchSize,
        HelpName = "N",
    };

    private readonly Option<ImageDecoderKind> _decoder = new("--decoder")
    {
        Description = "Image decoder. Auto: TurboJpeg when libturbojpeg is installed, else SkiaSharp. TurboJpeg: " +
            "the system's libjpeg-turbo for JPEG, SkiaSharp for the rest (an error without the library).",
        DefaultValueFactory = _ => new ImageDecodingOptions().Decoder,
    };

    private readonly Option<bool> _reducedJpeg = new("--reduced-jpeg")
    {
        Description = "Decode JPEGs at 1/2, 1/4 or 1/8 scale when the model's input still fits: camera-sized " +
            "JPEGs decode and preprocess about 1.9x faster, pixels no longer identical to the reference.",
    };

    private readonly Option<string> _exif = new("--exif")
    {
        Description = "Apply the EXIF orientation (upright photos) or ignore it as the reference CLIP does.",
        DefaultValueFactory = _ => "apply",
        HelpName = "apply|ignore",
    };

    private readonly Option<string?> _blob = new("--blob-connection-string")
    {
        Description = "Connection string for a blob container source. Default: AZURE_STORAGE_CONNECTION_STRING.",
        HelpName = "CONNECTION",
    };

    private readonly Option<int> _show = new("--show")
    {
        Description = "How many images to list with their labels at the end (all are in results.jsonl).",
        DefaultValueFactory = _ => 20,
        HelpName = "N",
    };

    public Command Create()
    {
        var command = new Command("run", "Embed and label every image of a folder or blob container.")
        {
            _source, _labels, _policies, _probes, _probeMinProbability, _model, _out, _db, _top, _batchSize,
            _decoder, _reducedJpeg, _exif, _blob, _show,
        };
        _exif.AcceptOnlyFromAmong("apply", "ignore");
        CommonOptions.RequireAtLeastOne(_top);
        CommonOptions.RequireAtLeastOne(_batchSize);
        command.SetAction((parseResult, cancellationToken) =>
            CommandRunner.RunAsync(parseResult, token => RunAsync(parseResult, token), cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        bool verbose = parse.GetValue(CommonOptions.Verbose);
        var labelSets = (parse.GetValue(_labels) ?? []).Select(f => LabelSetFile.Load(f.FullName)).ToList();
        var policies = (parse.GetValue(_policies) ?? [])
            .Select(f => ModerationPolicyFiles.Load(f.FullName))
            .ToList();
        var probes = (parse.GetValue(_probes) ?? [])
            .Select(f => LinearProbeFiles.Load(f.FullName, null, parse.GetValue(_probeMinProbability)))
            .ToList();
        EnsureRunnable(probes, labelSets);
        var engine = new ClipEngineOptions { ModelDirectory = DefaultModel.Resolve(parse.GetValue(_model)) };
        engine.Decoding.Decoder = parse.GetValue(_decoder);
        engine.Decoding.ApplyExifOrientation = parse.GetValue(_exif) == "apply";
        engine.ReducedJpegDecoding = parse.GetValue(_reducedJpeg);
        var pipeline = new PipelineOptions { BatchSize = parse.GetValue(_batchSize) };
        pipeline.Validate();
        string output = parse.GetValue(_out)!.FullName;
        string? db = parse.GetValue(_db);
        string? blob = parse.GetValue(_blob) ?? Environment.GetEnvironmentVariable("AZURE_STORAGE_CONNECTION_STRING");

        await using DatabaseResults? database = DatabaseResults.Open(db);
        using IHost host = EmbeddedPipeline.CreateHost(
            engine,
            pipeline,
            database is null ? null : _ => database.CreateSink(),
            output,
            blob,
            logging => logging.AddProvider(new StandardErrorLoggerProvider(verbose)),
            database is null ? null : _ => database.CreateJobStore());

        // Load the model before the bus starts, so a bad model folder fails here with its own message.
        var clip = host.Services.GetRequiredService<IClipEngine>();
        EnsureTrainedFor(probes, clip);
        if (database is not null)
        {
            await database.PrepareAsync(clip, cancellationToken);
        }

        var tasks = new JobTasks(labelSets, parse.GetValue(_top), policies, probes);
        if (labelSets.Count + policies.Count > 0)
        {
            int prompts = labelSets.Sum(s => s.Classes.Count) + policies.Sum(p => p.PositivePrompts.Count);
            await Console.Error.WriteLineAsync(
                $"Embedding the prompts of {labelSets.Count} label sets and {policies.Count} policies " +
                $"({prompts} classes and positive prompts)...");
        }

        clip.Prepare(tasks);

        await host.StartAsync(cancellationToken);
        var progress = new ConsoleProgress(Console.Error, interactive: !Console.IsErrorRedirected);
        JobRunSummary summary;
        try
        {
            summary = await host.Services.GetRequiredService<JobRunner>().RunAsync(
                parse.GetValue(_source)!,
                clip.ModelName,
                tasks,
                pipeline.BatchSize,
                progress,
                cancellationToken);
        }
        finally
        {
            progress.Finish();
            await host.StopAsync(CancellationToken.None);
        }

        RunReport.Write(Console.Out, summary, db is null ? output : null, parse.GetValue(_show));
        return summary.Failures.Count == 0 ? ExitCodes.Success : ExitCodes.SomeInputsFailed;
    }

    /// <summary>Refuses, before any work, probes that cannot run on images or share a name with a label set.</summary>
    private static void EnsureRunnable(List<LinearProbeDefinition> probes, List<LabelSetDefinition> labelSets)
    {
        var taken = new HashSet<string>(labelSets.Select(s => s.Name), StringComparer.Ordinal);
        foreach (LinearProbeDefinition probe in probes)
        {
            if (ProbeChecks.Unrunnable(probe) is { } problem)
            {
                throw new CliException(problem);
            }

            if (!taken.Add(probe.Name))
            {
                throw new CliException(
                    $"The linear probe '{probe.Name}' has the name of a label set or of another probe; labels are " +
                    "stored by name, so rename its file.");
            }
        }
    }

    /// <summary>Refuses probes trained for another model than the one loaded.</summary>
    private static void EnsureTrainedFor(List<LinearProbeDefinition> probes, IClipEngine clip)
    {
        foreach (LinearProbeDefinition probe in probes)
        {
            if (ProbeChecks.ModelMismatch(probe, clip.ModelName, clip.ModelContentHash) is { } problem)
            {
                throw new CliException(problem);
            }
        }
    }
}
