using System.CommandLine;
using Clip.Cli.Bench;
using Clip.Cli.Common;

namespace Clip.Cli.Commands;

/// <summary>
/// <c>clip bench</c>: measures the encoder limit, the embedded pipeline, decoding, the tokenizer, PostgreSQL, the
/// distributed scale-out and a peer library, and prints one Markdown table per measurement. Every comparison is
/// measured in alternation in the same run and reported as medians and ratios, so a busy machine shifts the
/// absolute figures more than the ratios.
/// </summary>
internal sealed class BenchCommand : ICliCommand
{
    private const string VocabularyInShared = "clip/bpe_simple_vocab_16e6.txt.gz";

    private readonly Option<DirectoryInfo?> _model = CommonOptions.Model();

    private readonly Option<DirectoryInfo?> _modelB32 = new("--model-b32")
    {
        Description = "A ViT-B/32-shaped model folder that the encoder, pipeline, decode and peer stages also " +
            "run (benchmarks/models/make_vit_b32.py makes a random-weight one).",
        HelpName = "DIR",
    };

    private readonly Option<DirectoryInfo?> _images = new("--images")
    {
        Description = "Real photos to read; copies go to a temporary folder. Default: ../shared/images/real " +
            "beside the repository root.",
        HelpName = "DIR",
    };

    private readonly Option<string> _stages = new("--stages")
    {
        Description = $"Comma-separated stages to run, of {string.Join(",", BenchSettings.AllStages)}.",
        DefaultValueFactory = _ => string.Join(",", BenchSettings.AllStages),
        HelpName = "LIST",
    };

    private readonly Option<double> _seconds = new("--seconds")
    {
        Description = "Seconds each variant is measured in one round.",
        DefaultValueFactory = _ => 3,
        HelpName = "N",
    };

    private readonly Option<int> _rounds = new("--rounds")
    {
        Description = "Rounds of each comparison; medians are taken over them.",
        DefaultValueFactory = _ => 3,
        HelpName = "N",
    };

    private readonly Option<int> _threads = new("--threads")
    {
        Description = "Threads of ONNX Runtime and of the pipeline's decoding. Default: the processor count.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
        HelpName = "N",
    };

    private readonly Option<string?> _db = new("--db")
    {
        Description = "PostgreSQL connection string for the postgres and scaleout stages (a database is created " +
            "and dropped). Default: CLIP_TEST_POSTGRES; without either those stages are skipped.",
        HelpName = "CONNECTION",
    };

    private readonly Option<string?> _rabbitMq = new("--rabbitmq")
    {
        Description = "RabbitMQ address for the scaleout stage. Default: CLIP_TEST_RABBITMQ.",
        HelpName = "URI",
    };

    private readonly Option<FileInfo?> _vocab = new("--vocab")
    {
        Description = $"CLIP's merge list for the tokenizer stage. Default: ../shared/{VocabularyInShared} when " +
            "present, else the model's tokenizer.",
        HelpName = "FILE",
    };

    public Command Create()
    {
        var command = new Command("bench", "Measure throughput and latency; prints Markdown tables with ratios.")
        {
            _model, _modelB32, _images, _stages, _seconds, _rounds, _threads, _db, _rabbitMq, _vocab,
        };
        command.SetAction((parseResult, cancellationToken) =>
            CommandRunner.RunAsync(parseResult, token => RunAsync(parseResult, token), cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        string root = RepositoryRoot();
        string shared = Path.GetFullPath(Path.Combine(root, "..", "shared"));
        string defaultVocabulary = Path.Combine(shared, VocabularyInShared);
        var settings = new BenchSettings
        {
            ModelDirectory = ResolveModel(parse.GetValue(_model), root),
            B32Directory = parse.GetValue(_modelB32)?.FullName,
            ImagesDirectory = parse.GetValue(_images)?.FullName ?? Path.Combine(shared, "images", "real"),
            Stages = parse.GetValue(_stages)!
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .ToHashSet(StringComparer.Ordinal),
            Slice = TimeSpan.FromSeconds(parse.GetValue(_seconds)),
            Rounds = parse.GetValue(_rounds),
            Threads = parse.GetValue(_threads),
            Database = parse.GetValue(_db) ?? Environment.GetEnvironmentVariable("CLIP_TEST_POSTGRES"),
            RabbitMq = parse.GetValue(_rabbitMq) ?? Environment.GetEnvironmentVariable("CLIP_TEST_RABBITMQ"),
            Vocabulary = parse.GetValue(_vocab)?.FullName
                ?? (File.Exists(defaultVocabulary) ? defaultVocabulary : null),
            RepositoryRoot = root,
        };
        settings.Validate();

        int failed = await BenchRunner.RunAsync(settings, Console.Out, cancellationToken);
        return failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>The embedded default model, or the tiny test model while the repository has no default one.</summary>
    private static string ResolveModel(DirectoryInfo? given, string root)
    {
        try
        {
            return DefaultModel.Resolve(given);
        }
        catch (CliException) when (Directory.Exists(TinyModel(root)))
        {
            return TinyModel(root);
        }
    }

    private static string TinyModel(string root) => Path.Combine(root, "tests", "fixtures", "tiny-clip");

    /// <summary>The nearest folder with <c>Pipeline.sln</c> at or above the working folder or the executable.
    /// </summary>
    private static string RepositoryRoot()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Pipeline.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new CliException("clip bench runs inside the repository (it needs benchmarks/); no Pipeline.sln found.");
    }
}
