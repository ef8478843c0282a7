using MassTransit;
using Pipeline.Contracts;
using Pipeline.Processing.Jobs;

namespace Pipeline.Processing.Consumers;

/// <summary>
/// The orchestrator's consumer of batches that failed after every retry: the batch's images are counted as
/// failed with the exception's message, so the job still finishes and says what was lost and why.
/// </summary>
public sealed class EmbedImageBatchFaultConsumer : IConsumer<Fault<EmbedImageBatch>>
{
    private readonly JobTracker _tracker;

    /// <summary>Creates the consumer.</summary>
    public EmbedImageBatchFaultConsumer(JobTracker tracker)
    {
        _tracker = tracker;
    }

    /// <inheritdoc />
    public Task Consume(ConsumeContext<Fault<EmbedImageBatch>> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ExceptionInfo? error = context.Message.Exceptions.FirstOrDefault();
        string reason = error is null ? "the batch failed" : $"{error.ExceptionType}: {error.Message}";
        return _tracker.OnBatchFaultedAsync(context.Message.Message, reason, context, context.CancellationToken);
    }
}
