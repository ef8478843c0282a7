using MassTransit;
using Pipeline.Contracts;

namespace Pipeline.Processing.Consumers;

/// <summary>The worker's consumer: processes a batch and publishes what became of each image.</summary>
public sealed class EmbedImageBatchConsumer : IConsumer<EmbedImageBatch>
{
    /// <summary>Name of the queue the workers compete on.</summary>
    public const string QueueName = "EmbedImageBatch";

    /// <summary>The queue's address, for sending batches to it.</summary>
    public static Uri QueueAddress { get; } = new($"queue:{QueueName}");

    private readonly ImageBatchProcessor _processor;

    /// <summary>Creates the consumer.</summary>
    public EmbedImageBatchConsumer(ImageBatchProcessor processor)
    {
        _processor = processor;
    }

    /// <inheritdoc />
    public async Task Consume(ConsumeContext<EmbedImageBatch> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ImageBatchEmbedded result = await _processor
            .ProcessAsync(context.Message, context.CancellationToken)
            .ConfigureAwait(false);
        await context.Publish(result, context.CancellationToken).ConfigureAwait(false);
    }
}
