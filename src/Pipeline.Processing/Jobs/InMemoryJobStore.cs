using Pipeline.Contracts;

namespace Pipeline.Processing.Jobs;

/// <summary>The embedded mode's job store: one process, nothing to resume after it ends.</summary>
public sealed class InMemoryJobStore : IJobStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, JobState> _jobs = [];

    /// <inheritdoc />
    public Task CreateJobAsync(JobSubmitted job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (_lock)
        {
            _jobs.TryAdd(job.JobId, new JobState(job.SubmittedAt));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RecordBatchAsync(EmbedImageBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_lock)
        {
            JobState state = Get(batch.JobId);
            if (state.Batches.Add(batch.BatchIndex))
            {
                state.Images += batch.Images.Count;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task MarkListedAsync(Guid jobId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Get(jobId).Listed = true;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> CompleteBatchAsync(ImageBatchEmbedded completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        lock (_lock)
        {
            JobState state = Get(completion.JobId);
            if (!state.Completed.Add(completion.BatchIndex))
            {
                return Task.FromResult(false);
            }

            state.Embedded += completion.Embedded;
            state.Failed += completion.Failures.Count;
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> FailBatchAsync(
        Guid jobId,
        int batchIndex,
        int imageCount,
        string reason,
        CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            JobState state = Get(jobId);
            if (!state.Completed.Add(batchIndex))
            {
                return Task.FromResult(false);
            }

            state.Failed += imageCount;
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlySet<int>> GetCompletedBatchesAsync(Guid jobId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlySet<int>>(Get(jobId).Completed.ToHashSet());
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<JobSubmitted>> ListUnfinishedAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<JobSubmitted>>([]);

    /// <inheritdoc />
    public Task<JobProgress?> GetProgressAsync(Guid jobId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_jobs.TryGetValue(jobId, out JobState? s)
                ? new JobProgress(jobId, s.Listed, s.Images, s.Batches.Count, s.Completed.Count, s.Embedded,
                    s.Failed, s.StartedAt)
                : null);
        }
    }

    private JobState Get(Guid jobId) =>
        _jobs.TryGetValue(jobId, out JobState? state)
            ? state
            : throw new InvalidOperationException($"Job {jobId} is not known to this store.");

    private sealed class JobState(DateTimeOffset startedAt)
    {
        public DateTimeOffset StartedAt { get; } = startedAt;

        public HashSet<int> Batches { get; } = [];

        public HashSet<int> Completed { get; } = [];

        public int Images { get; set; }

        public int Embedded { get; set; }

        public int Failed { get; set; }

        public bool Listed { get; set; }
    }
}
