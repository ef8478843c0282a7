namespace Clip.Cli.Bench;

/// <summary>Jobs of the scale-out stage with a given number of workers running.</summary>
internal sealed class ScaleOutRuns(
    string rabbitMq,
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

        await CheckAloneAsync(workerCount, token);
        var summary = await job.RunAsync(source, modelName, token);
        return summary.ImagesPerSecond;
    })
    {
        WarmUp = false,
    };

    // Another worker that joined the broker since the start would take some of the job's batches.
    private async Task CheckAloneAsync(int workerCount, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, uint> consumers = await BrokerConsumers.FindAsync(rabbitMq, cancellationToken);
        uint batchConsumers = consumers.GetValueOrDefault(BrokerConsumers.PipelineQueues[0]);
        if (batchConsumers != workerCount || consumers.Count > 1)
        {
            throw new InvalidOperationException(
                $"Expected only the bench's {workerCount} workers on the broker's queues; found " +
                string.Join(", ", consumers.Select(c => $"{c.Key}: {c.Value}")) + ".");
        }
    }
}
