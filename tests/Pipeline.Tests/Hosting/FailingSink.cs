using Pipeline.Storage.Results;

namespace Pipeline.Tests.Hosting;

/// <summary>A result sink that refuses one batch every time, as a full disk or a lost database would.</summary>
internal sealed class FailingSink(IResultSink inner, int failingBatch) : IResultSink
{
    public Task WriteBatchAsync(BatchResult batch, CancellationToken cancellationToken) =>
        batch.BatchIndex == failingBatch
            ? throw new IOException("No space left on device")
            : inner.WriteBatchAsync(batch, cancellationToken);

    public Task CompleteJobAsync(Guid jobId, CancellationToken cancellationToken) =>
        inner.CompleteJobAsync(jobId, cancellationToken);
}
