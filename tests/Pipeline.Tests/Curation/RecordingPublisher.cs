using MassTransit;
using Pipeline.Contracts;

namespace Pipeline.Tests.Curation;

/// <summary>An in-memory bus that keeps every <see cref="JobSubmitted"/> published to it.</summary>
internal sealed class RecordingPublisher
{
    private readonly List<JobSubmitted> _jobs = [];

    public RecordingPublisher()
    {
        Endpoint = new Publisher(_jobs);
    }

    public IPublishEndpoint Endpoint { get; }

    public IReadOnlyList<JobSubmitted> Jobs => _jobs;

    private sealed class Publisher(List<JobSubmitted> jobs) : IPublishEndpoint
    {
        public ConnectHandle ConnectPublishObserver(IPublishObserver observer) => throw new NotSupportedException();

        public Task Publish<T>(T message, CancellationToken cancellationToken = default)
            where T : class
        {
            jobs.Add((JobSubmitted)(object)message);
            return Task.CompletedTask;
        }

        public Task Publish<T>(T message, IPipe<PublishContext<T>> publishPipe, CancellationToken token = default)
            where T : class => Publish(message, token);

        public Task Publish<T>(T message, IPipe<PublishContext> publishPipe, CancellationToken token = default)
            where T : class => Publish(message, token);

        public Task Publish(object message, CancellationToken token = default) => throw new NotSupportedException();

        public Task Publish(object message, IPipe<PublishContext> publishPipe, CancellationToken token = default) =>
            throw new NotSupportedException();

        public Task Publish(object message, Type messageType, CancellationToken token = default) =>
            throw new NotSupportedException();

        public Task Publish(object message, Type messageType, IPipe<PublishContext> publishPipe,
            CancellationToken token = default) => throw new NotSupportedException();

        public Task Publish<T>(object values, CancellationToken token = default)
            where T : class => throw new NotSupportedException();

        public Task Publish<T>(object values, IPipe<PublishContext<T>> publishPipe, CancellationToken token = default)
            where T : class => throw new NotSupportedException();

        public Task Publish<T>(object values, IPipe<PublishContext> publishPipe, CancellationToken token = default)
            where T : class => throw new NotSupportedException();
    }
}
