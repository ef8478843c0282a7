using MassTransit;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts;
using Pipeline.Processing.Consumers;
using Pipeline.Processing.Diagnostics;
using Pipeline.Sources;

namespace Pipeline.Processing.Jobs;

/// <summary>
/// Starts a job: records it, lists its source page by page, cuts the listing into batches of the job's size,
/// records and publishes each batch, then tells the tracker that the listing is complete.
/// </summary>
public sealed class JobCoordinator
{
    private readonly IJobStore _store;
    private readonly ImageSourceResolver _sources;
    private readonly JobTracker _tracker;
    private readonly PipelineMetrics _metrics;
    private readonly ILogger<JobCoordinator> _logger;

    /// <summary>Creates the coordinator.</summary>
    public JobCoordinator(
        IJobStore store,
        ImageSourceResolver sources,
        JobTracker tracker,
        PipelineMetrics metrics,
        ILogger<JobCoordinator> logger)
    {
        _store = store;
        _sources = sources;
        _tracker = tracker;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Lists the job's source and publishes all its batches.</summary>
    public Task StartAsync(JobSubmitted job, IPublishEndpoint publisher, CancellationToken cancellationToken) =>
        ListAndPublishAsync(job, publisher, resume: false, cancellationToken);

    /// <summary>
    /// Resumes a job recorded earlier: lists its source again (listings are stable, so batches come out the same)
    /// and publishes the batches that have not completed. A batch still in flight may run twice; results and
    /// counts are idempotent, so that costs time only.
    /// </summary>
    public Task ResumeAsync(JobSubmitted job, IPublishEndpoint publisher, CancellationToken cancellationToken) =>
        ListAndPublishAsync(job, publisher, resume: true, cancellationToken);

    private async Task ListAndPublishAsync(
        JobSubmitted job,
        IPublishEndpoint publisher,
        bool resume,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(publisher);
        IImageSource source = _sources.Resolve(job.Source);
        PipelineLog.JobStarted(_logger, job.JobId, source.Description, job.ModelName, job.BatchSize);
        IReadOnlySet<int> completed = new HashSet<int>();
        if (resume)
        {
            completed = await _store.GetCompletedBatchesAsync(job.JobId, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _store.CreateJobAsync(job, cancellationToken).ConfigureAwait(false);
        }

        int republished = 0;

        int batchIndex = 0;
        int images = 0;
        var pending = new List<ImageReference>(job.BatchSize);
        await foreach (var page in source.ListPagesAsync(job.BatchSize, cancellationToken).ConfigureAwait(false))
        {
            foreach (ImageReference image in page)
            {
                pending.Add(image);
                if (pending.Count == job.BatchSize)
                {
                    republished += await PublishAsync(job, batchIndex++, pending, completed, publisher,
                        cancellationToken).ConfigureAwait(false);
                    images += pending.Count;
                    pending = new List<ImageReference>(job.BatchSize);
                }
            }
        }

        if (pending.Count > 0)
        {
            republished += await PublishAsync(job, batchIndex++, pending, completed, publisher, cancellationToken)
                .ConfigureAwait(false);
            images += pending.Count;
        }

        if (resume)
        {
            PipelineLog.JobResumed(_logger, job.JobId, republished);
        }

        await _store.MarkListedAsync(job.JobId, cancellationToken).ConfigureAwait(false);
        PipelineLog.JobListed(_logger, job.JobId, images, batchIndex);
        await _tracker.OnListedAsync(job.JobId, publisher, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> PublishAsync(
        JobSubmitted job,
        int batchIndex,
        List<ImageReference> images,
        IReadOnlySet<int> completed,
        IPublishEndpoint publisher,
        CancellationToken cancellationToken)
    {
        var batch = new EmbedImageBatch(job.JobId, batchIndex, job.Source, job.ModelName, images, job.Tasks);

        // Record before publishing: a batch that completes must already be known to the store.
        await _store.RecordBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        if (completed.Contains(batchIndex))
        {
            return 0;
        }

        // Sent to the workers' queue by name rather than published: sending declares the queue, so batches wait
        // there even when no worker has started yet, where a publish with no queue bound would drop them.
        if (publisher is ISendEndpointProvider sender)
        {
            ISendEndpoint queue = await sender.GetSendEndpoint(EmbedImageBatchConsumer.QueueAddress)
                .ConfigureAwait(false);
            await queue.Send(batch, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await publisher.Publish(batch, cancellationToken).ConfigureAwait(false);
        }

        _metrics.BatchPublished();
        return 1;
    }
}
