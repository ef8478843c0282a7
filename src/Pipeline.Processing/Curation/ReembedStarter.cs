using MassTransit;
using Pipeline.Contracts;
using Pipeline.Storage;
using Pipeline.Storage.Postgres.Curation;

namespace Pipeline.Processing.Curation;

/// <summary>
/// Starts a re-embedding as an ordinary job: takes the snapshot of images lacking the model's embedding (which
/// also marks the model's re-embedding as under way), then submits a job whose source lists that snapshot. The
/// orchestrator fans it out, tracks it and resumes it like any other job.
/// </summary>
public sealed class ReembedStarter : IReembedStarter
{
    private readonly CurationStore _store;
    private readonly IPublishEndpoint _publisher;
    private readonly ReembedOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the starter; jobs are submitted through <paramref name="publisher"/>.</summary>
    public ReembedStarter(CurationStore store, IPublishEndpoint publisher, ReembedOptions options, TimeProvider time)
    {
        _store = store;
        _publisher = publisher;
        _options = options;
        _time = time;
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">No model of that name is registered.</exception>
    public async Task<ReembedStart> StartAsync(string modelName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelName);
        ModelRecord model = await _store.Storage.Models.FindLatestAsync(modelName, cancellationToken)
            .ConfigureAwait(false)
            ?? throw new InvalidOperationException(
                $"No model named '{modelName}' is registered; a worker registers its model when it starts.");

        // Snapshots of finished (or abandoned) runs are only needed until then; each start clears them away.
        await _store.Reembeds.DeleteFinishedAsync(_options.StartGrace, cancellationToken).ConfigureAwait(false);
        var jobId = Guid.NewGuid();
        ReembedRun? run = await _store.Reembeds.TryStartAsync(model, jobId, _options.StartGrace, cancellationToken)
            .ConfigureAwait(false);
        if (run is null)
        {
            return new ReembedStart(ReembedOutcome.AlreadyRunning, model.Name, null, 0);
        }

        if (run.ImageCount == 0)
        {
            return new ReembedStart(ReembedOutcome.NothingToEmbed, model.Name, null, 0);
        }

        var job = new JobSubmitted(jobId, StoredImageSource.Format(jobId), model.Name, JobTasks.EmbedOnly,
            _options.BatchSize, _time.GetUtcNow());
        await _publisher.Publish(job, cancellationToken).ConfigureAwait(false);
        return new ReembedStart(ReembedOutcome.Started, model.Name, jobId, run.ImageCount);
    }
}
