using System.Text.Json;
using Pipeline.Contracts;
using Pipeline.Processing.Jobs;
using Pipeline.Storage;
using Pipeline.Storage.Postgres;

namespace Pipeline.Processing.Postgres;

/// <summary>
/// The distributed mode's job store: jobs and batches in PostgreSQL, so progress survives an orchestrator restart
/// and a duplicate completion is counted once even when two orchestrators receive it.
/// </summary>
public sealed class PostgresJobStore : IJobStore
{
    private readonly PostgresStorage _storage;

    /// <summary>Creates the store.</summary>
    public PostgresJobStore(PostgresStorage storage)
    {
        _storage = storage;
    }

    /// <inheritdoc />
    public async Task CreateJobAsync(JobSubmitted job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ModelRecord model = await _storage.Models.FindLatestAsync(job.ModelName, cancellationToken)
            .ConfigureAwait(false)
            ?? throw new InvalidOperationException(
                $"No model named '{job.ModelName}' is registered. Start a worker with that model first; " +
                "workers register their model when they start.");

        foreach (LabelSetDefinition labelSet in job.Tasks.LabelSets)
        {
            await _storage.Definitions.SaveLabelSetAsync(labelSet.Name, JsonSerializer.Serialize(labelSet),
                cancellationToken).ConfigureAwait(false);
        }

        foreach (ModerationPolicyDefinition policy in job.Tasks.PolicyList)
        {
            await _storage.Definitions.SavePolicyAsync(policy.Name, JsonSerializer.Serialize(policy),
                cancellationToken).ConfigureAwait(false);
        }

        foreach (LinearProbeDefinition probe in job.Tasks.ProbeList)
        {
            await _storage.Definitions.SaveProbeAsync(probe.Name, JsonSerializer.Serialize(probe),
                cancellationToken).ConfigureAwait(false);
        }

        // The whole submission is kept so that a restarted orchestrator can resume the job as it was asked for.
        string submission = JsonSerializer.Serialize(job);
        await _storage.Jobs.CreateAsync(new JobDefinition(job.JobId, job.Source, model.Id, submission),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RecordBatchAsync(EmbedImageBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await _storage.Batches.AddAsync(batch.JobId, [new BatchPlan(batch.BatchIndex, batch.Images.Count)],
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task MarkListedAsync(Guid jobId, CancellationToken cancellationToken) =>
        await _storage.Jobs.CompleteListingAsync(jobId, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<bool> CompleteBatchAsync(ImageBatchEmbedded completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        BatchCompletion result = await _storage.Batches.MarkDoneAsync(
            completion.JobId,
            completion.BatchIndex,
            completion.Embedded,
            completion.Failures.Count,
            cancellationToken).ConfigureAwait(false);
        return result.Counted;
    }

    /// <inheritdoc />
    public async Task<bool> FailBatchAsync(
        Guid jobId,
        int batchIndex,
        int imageCount,
        string reason,
        CancellationToken cancellationToken)
    {
        BatchCompletion result = await _storage.Batches.MarkFailedAsync(jobId, batchIndex, reason, cancellationToken)
            .ConfigureAwait(false);
        return result.Counted;
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<int>> GetCompletedBatchesAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var done = await _storage.Batches.ListAsync(jobId, BatchState.Done, cancellationToken).ConfigureAwait(false);
        return done.Select(b => b.Index).ToHashSet();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JobSubmitted>> ListUnfinishedAsync(CancellationToken cancellationToken)
    {
        var jobs = await _storage.Jobs.ListUnfinishedAsync(cancellationToken).ConfigureAwait(false);
        return jobs
            .Select(j => JsonSerializer.Deserialize<JobSubmitted>(j.Definition.TasksJson)
                ?? throw new InvalidOperationException($"Job {j.Definition.Id} has no recorded submission."))
            .ToList();
    }

    /// <inheritdoc />
    public async Task<Jobs.JobProgress?> GetProgressAsync(Guid jobId, CancellationToken cancellationToken)
    {
        Storage.JobProgress? job = await _storage.Jobs.GetAsync(jobId, cancellationToken).ConfigureAwait(false);
        return job is null
            ? null
            : new Jobs.JobProgress(
                jobId,
                job.ListingComplete,
                (int)job.ImagesTotal,
                job.BatchCount,
                job.BatchesDone + job.BatchesFailed,
                (int)job.ImagesDone,
                (int)job.ImagesFailed,
                job.CreatedAt);
    }
}
