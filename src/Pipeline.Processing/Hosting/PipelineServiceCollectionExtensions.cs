using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pipeline.Processing.Consumers;
using Pipeline.Processing.Diagnostics;
using Pipeline.Processing.Engine;
using Pipeline.Processing.Jobs;

namespace Pipeline.Processing.Hosting;

/// <summary>Registers the pipeline's consumers and transport. The same consumers serve both modes.</summary>
public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the pipeline. The caller registers an <see cref="IClipEngine"/> (workers), an
    /// <see cref="Storage.Results.IResultSink"/> and an <see cref="IJobStore"/> (or takes the in-memory one).
    /// </summary>
    public static IServiceCollection AddClipPipeline(this IServiceCollection services, PipelineHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        PipelineOptions pipeline = options.Pipeline;

        services.AddSingleton(options);
        services.AddSingleton(pipeline);
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IJobStore, InMemoryJobStore>();
        services.AddSingleton<PipelineMetrics>();
        services.AddSingleton(sp => new ImageSourceResolver(
            options.BlobConnectionString, sp.GetService<Storage.Postgres.Curation.CurationStore>()?.Reembeds));
        services.AddSingleton<JobTracker>();
        services.AddSingleton<JobCoordinator>();
        services.AddSingleton<ImageBatchProcessor>();
        services.AddSingleton<JobRunner>();

        services.AddMassTransit(bus =>
        {
            // The pipeline talks to its own broker and nothing else.
            bus.DisableUsageTelemetry();

            if (options.Roles.HasFlag(PipelineRoles.Worker))
            {
                bus.AddConsumer<EmbedImageBatchConsumer>(c => c.ConcurrentMessageLimit = pipeline.ConcurrentBatches)
                    .Endpoint(e => e.Name = EmbedImageBatchConsumer.QueueName);
            }

            if (options.Roles.HasFlag(PipelineRoles.Orchestrator))
            {
                bus.AddConsumer<ImageBatchEmbeddedConsumer>(c => c.ConcurrentMessageLimit = 1);
                bus.AddConsumer<JobSubmittedConsumer>(c => c.ConcurrentMessageLimit = 1);
                bus.AddConsumer<EmbedImageBatchFaultConsumer>(c => c.ConcurrentMessageLimit = 1);
            }

            bus.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseMessageRetry(retry =>
            {
                // Permanent failures go straight to the error queue; transient ones are tried again in-process
                // (the broker here has no delayed-exchange plugin, so there is no delayed redelivery).
                retry.Ignore<InvalidOperationException>();
                retry.Ignore<ArgumentException>();
                retry.Intervals(
                    TimeSpan.FromMilliseconds(200),
                    TimeSpan.FromSeconds(1),
                    TimeSpan.FromSeconds(5));
            }));

            if (options.Mode == PipelineMode.Embedded)
            {
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
            else
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(options.RabbitMqUri!));
                    cfg.PrefetchCount = pipeline.ConcurrentBatches;
                    cfg.ConfigureEndpoints(context);
                });
            }
        });

        return services;
    }
}
