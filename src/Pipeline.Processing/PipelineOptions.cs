namespace Pipeline.Processing;

/// <summary>Settings of the pipeline shared by the orchestrator and the workers. Bound from <c>Pipeline</c>.</summary>
public sealed class PipelineOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Pipeline";

    /// <summary>Images per batch message. Default 64: a batch a GPU encodes in one run without waste.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>Batches one worker process handles at once. Default 2, so one decodes while one encodes.</summary>
    public int ConcurrentBatches { get; set; } = 2;

    /// <summary>Images decoded and preprocessed in parallel within a batch. Default: the processor count.</summary>
    public int DecodeParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Images read from the source at once within a batch. Default 16.</summary>
    public int ReadParallelism { get; set; } = 16;

    /// <summary>Largest image file accepted, in bytes. Default 64 MiB.</summary>
    public long MaxImageBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Attempts to read one image before it gets a read error. Default 3.</summary>
    public int ReadAttempts { get; set; } = 3;

    /// <summary>Checks every setting; throws naming the first wrong one.</summary>
    public void Validate()
    {
        Require(BatchSize is >= 1 and <= 4096, nameof(BatchSize), "between 1 and 4096");
        Require(ConcurrentBatches is >= 1 and <= 64, nameof(ConcurrentBatches), "between 1 and 64");
        Require(DecodeParallelism is >= 1 and <= 256, nameof(DecodeParallelism), "between 1 and 256");
        Require(ReadParallelism is >= 1 and <= 256, nameof(ReadParallelism), "between 1 and 256");
        Require(MaxImageBytes >= 1024, nameof(MaxImageBytes), "at least 1024");
        Require(ReadAttempts is >= 1 and <= 10, nameof(ReadAttempts), "between 1 and 10");
    }

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"{SectionName}:{name} must be {rule}.");
        }
    }
}
