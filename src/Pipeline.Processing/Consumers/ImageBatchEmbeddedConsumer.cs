using MassTransit;
using Pipeline.Contracts;
using Pipeline.Processing.Jobs;

namespace Pipeline.Processing.Consumers;

/// <summary>The orchestrator's consumer of batch completions.</summary>
public sealed class ImageBatchEmbeddedConsumer : IConsumer<ImageBatchEmbedded>
{
    private readonly JobTracker _tracker;

    /// <summary>Creates the consumer.</summary>
    public ImageBatchEmbeddedConsumer(JobTracker tracker)
    {
        _tracker = tracker;
    }

    /// <inheritdoc />
    public Task Consume(ConsumeContext<ImageBatchEmbedded> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _tracker.OnBatchCompletedAsync(context.Message, context, context.CancellationToken);
    }
}
