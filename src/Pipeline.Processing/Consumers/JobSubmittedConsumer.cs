using MassTransit;
using Pipeline.Contracts;
using Pipeline.Processing.Jobs;

namespace Pipeline.Processing.Consumers;

/// <summary>The orchestrator's consumer of submitted jobs: lists the source and publishes the batches.</summary>
public sealed class JobSubmittedConsumer : IConsumer<JobSubmitted>
{
    private readonly JobCoordinator _coordinator;

    /// <summary>Creates the consumer.</summary>
    public JobSubmittedConsumer(JobCoordinator coordinator)
    {
        _coordinator = coordinator;
    }

    /// <inheritdoc />
    public Task Consume(ConsumeContext<JobSubmitted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _coordinator.StartAsync(context.Message, context, context.CancellationToken);
    }
}
