using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Pipeline.Contracts;
using Pipeline.Processing.Jobs;

namespace Pipeline.Processing.Hosting;

/// <summary>
/// Runs one job to its end in a process that hosts the orchestrator role (the embedded mode, or an orchestrator
/// whose workers run elsewhere), reporting progress as batches complete.
/// </summary>
public sealed class JobRunner
{
    private readonly JobCoordinator _coordinator;
    private readonly JobTracker _tracker;
    private readonly IBus _bus;
    private readonly TimeProvider _time;

    /// <summary>Creates the runner.</summary>
    public JobRunner(JobCoordinator coordinator, JobTracker tracker, IBus bus, TimeProvider time)
    {
        _coordinator = coordinator;
        _tracker = tracker;
        _bus = bus;
        _time = time;
    }

    /// <summary>Submits the job, waits for its last batch and sums up what happened.</summary>
    public async Task<JobRunSummary> RunAsync(
        string source,
        string modelName,
        JobTasks tasks,
        int batchSize,
        IProgress<JobProgress>? progress,
        CancellationToken cancellationToken)
    {
        var job = new JobSubmitted(Guid.NewGuid(), source, modelName, tasks, batchSize, _time.GetUtcNow());
        var failures = new ConcurrentQueue<ImageFailure>();
        int labelled = 0;
        void OnBatch(ImageBatchEmbedded b)
        {
            if (b.JobId != job.JobId)
            {
                return;
            }

            Interlocked.Add(ref labelled, b.Labelled);
            foreach (ImageFailure failure in b.Failures)
            {
                failures.Enqueue(failure);
            }
        }

        void OnProgress(JobProgress p)
        {
            if (p.JobId == job.JobId)
            {
                progress?.Report(p);
            }
        }

        _tracker.BatchCompleted += OnBatch;
        _tracker.ProgressChanged += OnProgress;
        try
        {
            var clock = Stopwatch.StartNew();
            Task<JobProgress> done = _tracker.WaitForCompletionAsync(job.JobId, cancellationToken);
            await _coordinator.StartAsync(job, _bus, cancellationToken).ConfigureAwait(false);
            JobProgress final = await done.ConfigureAwait(false);
            return new JobRunSummary(job.JobId, final.TotalImages, final.Embedded, labelled,
                failures.OrderBy(f => f.Uri, StringComparer.Ordinal).ToList(), clock.Elapsed);
        }
        finally
        {
            _tracker.BatchCompleted -= OnBatch;
            _tracker.ProgressChanged -= OnProgress;
        }
    }
}
