using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts;
using Pipeline.Processing.Diagnostics;
using Pipeline.Storage.Results;

namespace Pipeline.Processing.Jobs;

/// <summary>
/// The orchestrator's view of running jobs: counts each batch completion once, reports progress, and finishes a
/// job (closing its results and publishing <see cref="JobFinished"/>) when it is listed and every batch is done.
/// </summary>
public sealed class JobTracker : IDisposable
{
    /// <summary>Attempts at closing a job's results: as many as a consumer's retries give one message.</summary>
    public const int MaxCloseAttempts = 4;

    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<JobProgress>> _waiters = new();
    private readonly ConcurrentDictionary<Guid, byte> _finished = new();
    private readonly ConcurrentDictionary<Guid, int> _closeFailures = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IJobStore _store;
    private readonly IResultSink _sink;
    private readonly PipelineMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<JobTracker> _logger;

    /// <summary>Creates the tracker.</summary>
    public JobTracker(
        IJobStore store,
        IResultSink sink,
        PipelineMetrics metrics,
        TimeProvider time,
        ILogger<JobTracker> logger)
    {
        _store = store;
        _sink = sink;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <summary>Raised after each change of a job's progress (on the thread that changed it).</summary>
    public event Action<JobProgress>? ProgressChanged;

    /// <summary>Raised once for each batch's first completion (on the thread that counted it).</summary>
    public event Action<ImageBatchEmbedded>? BatchCompleted;

    /// <summary>Completes when the job finishes, with its final progress.</summary>
    public Task<JobProgress> WaitForCompletionAsync(Guid jobId, CancellationToken cancellationToken) =>
        _waiters.GetOrAdd(jobId, _ => NewWaiter()).Task.WaitAsync(cancellationToken);

    /// <summary>Counts a batch completion; a repeated one changes nothing.</summary>
    public async Task OnBatchCompletedAsync(
        ImageBatchEmbedded completion,
        IPublishEndpoint publisher,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        if (await _store.CompleteBatchAsync(completion, cancellationToken).ConfigureAwait(false))
        {
            _metrics.BatchCompleted();
            BatchCompleted?.Invoke(completion);
        }
        else
        {
            PipelineLog.DuplicateCompletion(_logger, completion.JobId, completion.BatchIndex);
        }

        // Checked for repeats too: a retried completion is how a job whose closing failed gets closed.
        await CheckAsync(completion.JobId, publisher, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A batch failed as a whole after its retries (its <see cref="Fault{T}"/> arrived): every image of it counts as
    /// failed with the batch's reason, and the job goes on.
    /// </summary>
    public async Task OnBatchFaultedAsync(
        EmbedImageBatch batch,
        string reason,
        IPublishEndpoint publisher,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        bool counted = await _store.FailBatchAsync(batch.JobId, batch.BatchIndex, batch.Images.Count, reason,
            cancellationToken).ConfigureAwait(false);
        if (!counted)
        {
            PipelineLog.DuplicateCompletion(_logger, batch.JobId, batch.BatchIndex);
            return;
        }

        PipelineLog.BatchFailed(_logger, batch.JobId, batch.BatchIndex, reason);
        _metrics.BatchCompleted();
        var failures = batch.Images.Select(i => new ImageFailure(i.Uri, "batch-failed", reason)).ToList();
        BatchCompleted?.Invoke(new ImageBatchEmbedded(batch.JobId, batch.BatchIndex, 0, 0, failures,
            TimeSpan.Zero, "fault"));
        await CheckAsync(batch.JobId, publisher, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The job's listing has ended; it may already be finished.</summary>
    public Task OnListedAsync(Guid jobId, IPublishEndpoint publisher, CancellationToken cancellationToken) =>
        CheckAsync(jobId, publisher, cancellationToken);

    private async Task CheckAsync(Guid jobId, IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        JobProgress? progress;

        // One check at a time, so that a job finishes exactly once even when its last completions race.
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            progress = await _store.GetProgressAsync(jobId, cancellationToken).ConfigureAwait(false);
            if (progress is null)
            {
                return;
            }

            ProgressChanged?.Invoke(progress);
            if (!progress.IsFinished || !_finished.TryAdd(jobId, 0))
            {
                return;
            }

            try
            {
                await _sink.CompleteJobAsync(jobId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (_closeFailures.AddOrUpdate(jobId, 1, (_, n) => n + 1) < MaxCloseAttempts)
                {
                    // Left open so that the retry of the message that got here closes it.
                    _finished.TryRemove(jobId, out _);
                    throw;
                }

                // Out of attempts: the job is over, and whoever waits for it learns why its results are incomplete.
                _waiters.GetOrAdd(jobId, _ => NewWaiter()).TrySetException(e);
                return;
            }
        }
        finally
        {
            _gate.Release();
        }

        TimeSpan elapsed = _time.GetUtcNow() - progress.StartedAt;
        PipelineLog.JobFinished(_logger, jobId, progress.Embedded, progress.Failed, elapsed.TotalSeconds);
        await publisher.Publish(
            new JobFinished(jobId, progress.TotalImages, progress.Embedded, progress.Failed, elapsed),
            cancellationToken).ConfigureAwait(false);
        _waiters.GetOrAdd(jobId, _ => NewWaiter()).TrySetResult(progress);
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private static TaskCompletionSource<JobProgress> NewWaiter() =>
        new(TaskCreationOptions.RunContinuationsAsynchronously);
}
