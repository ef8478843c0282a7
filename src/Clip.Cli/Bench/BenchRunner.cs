namespace Clip.Cli.Bench;

/// <summary>Runs the chosen stages in order and prints their tables; a stage that fails does not stop the others.
/// </summary>
internal static class BenchRunner
{
    public static IReadOnlyList<IBenchStage> Stages { get; } =
    [
        new EncoderStage(),
        new PipelineStage(),
        new DecodeStage(),
        new TokenizerStage(),
        new PostgresStage(),
        new ScaleOutStage(),
        new PeerStage(),
    ];

    /// <summary>Returns the number of stages that failed.</summary>
    public static async Task<int> RunAsync(BenchSettings settings, TextWriter output, CancellationToken token)
    {
        var log = new BenchLog(Console.Error);
        using var workspace = new BenchWorkspace();
        var context = new BenchContext(settings, log, workspace);
        output.WriteLine($"Machine: {BenchMachine.Describe()}; load average at start {BenchMachine.LoadAverage()}");
        output.WriteLine($"Model: {settings.ModelDirectory}; threads {settings.Threads}; " +
            $"{settings.Rounds} rounds of {settings.Slice.TotalSeconds:0.#} s per variant");
        if (BenchMachine.IsDebugBuild())
        {
            output.WriteLine("Warning: a Debug build; managed code runs unoptimised. Build with -c Release.");
        }

        output.WriteLine();

        int failed = 0;
        foreach (IBenchStage stage in Stages.Where(s => settings.Stages.Contains(s.Name)))
        {
            log.Write($"stage {stage.Name}");
            try
            {
                foreach (BenchTable table in await stage.RunAsync(context, token))
                {
                    table.Write(output);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
            {
                failed++;
                output.WriteLine($"### Stage {stage.Name} failed");
                output.WriteLine();
                output.WriteLine($"- {e.GetType().Name}: {e.Message}");
                output.WriteLine();
                log.Write($"stage {stage.Name} failed: {e}");
            }

            await output.FlushAsync(token);
        }

        output.WriteLine($"Load average at the end: {BenchMachine.LoadAverage()}");
        return failed;
    }
}
