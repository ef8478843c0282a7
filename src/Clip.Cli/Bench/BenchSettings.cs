namespace Clip.Cli.Bench;

/// <summary>What <c>clip bench</c> was asked to measure, and with what.</summary>
internal sealed record BenchSettings
{
    /// <summary>The stages, in the order they run.</summary>
    public static readonly IReadOnlyList<string> AllStages =
        ["encoder", "pipeline", "decode", "tokenizer", "postgres", "scaleout", "peer"];

    /// <summary>The model folder every stage uses.</summary>
    public required string ModelDirectory { get; init; }

    /// <summary>A ViT-B/32-shaped model folder that the model-bound stages also run, or null.</summary>
    public string? B32Directory { get; init; }

    /// <summary>Real photos to read (never copied into the repository; copies go to a temporary folder).</summary>
    public required string ImagesDirectory { get; init; }

    /// <summary>The stages to run.</summary>
    public required IReadOnlySet<string> Stages { get; init; }

    /// <summary>How long one variant is measured in one round.</summary>
    public required TimeSpan Slice { get; init; }

    /// <summary>How many times each comparison is repeated; medians are taken over them.</summary>
    public required int Rounds { get; init; }

    /// <summary>Threads of ONNX Runtime and of the pipeline's decoding.</summary>
    public required int Threads { get; init; }

    /// <summary>A PostgreSQL connection string, or null to skip the stages that need one.</summary>
    public string? Database { get; init; }

    /// <summary>A RabbitMQ address for the scale-out stage, or null to skip it.</summary>
    public string? RabbitMq { get; init; }

    /// <summary>The tokenizer vocabulary file (CLIP's merges, .txt.gz), or null for the model's own tokenizer.
    /// </summary>
    public string? Vocabulary { get; init; }

    /// <summary>The repository root: the scripts under <c>benchmarks/</c> and the worker project live there.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        if (Slice <= TimeSpan.Zero)
        {
            throw new ArgumentException("--seconds must be more than 0.");
        }

        if (Rounds < 1)
        {
            throw new ArgumentException("--rounds must be at least 1.");
        }

        if (Threads < 1)
        {
            throw new ArgumentException("--threads must be at least 1.");
        }

        string? unknown = Stages.FirstOrDefault(s => !AllStages.Contains(s));
        if (unknown is not null)
        {
            throw new ArgumentException(
                $"--stages has the unknown stage '{unknown}'; known: {string.Join(",", AllStages)}.");
        }
    }
}
