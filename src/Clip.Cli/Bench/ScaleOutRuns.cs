namespace Clip.Cli.Bench;

/// <summary>Jobs of the scale-out stage with a given number of workers running.</summary>
internal sealed class ScaleOutRuns(
    WorkerPool workers,
    DistributedJob job,
    string modelName,
    string source,
    string warmUpSource,
    BenchLog log)
{
    public BenchVariant Variant(int workerCount) => new($"{workerCount} workers", async (_, token) =>
    {
        // A new worker's first batches run before the JIT has optimised its code; that is not what is measured.
        if (await workers.ResizeAsync(workerCount, token))
        {
            await job.RunAsync(warmUpSource, modelName, token);
            log.Write($"scaleout: warm-up job done with {workerCount} workers");
        }

        var summary = await job.RunAsync(source, modelName, token);
        return summary.ImagesPerSecond;
    })
    {
        WarmUp = false,
    };
}
