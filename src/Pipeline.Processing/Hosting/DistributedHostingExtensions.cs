using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using Pipeline.Processing.Diagnostics;
using Pipeline.Processing.Engine;
using Pipeline.Processing.Jobs;
using Pipeline.Processing.Postgres;
using Pipeline.Storage.Postgres;
using Pipeline.Storage.Results;

namespace Pipeline.Processing.Hosting;

/// <summary>One call per distributed host: a worker or an orchestrator over RabbitMQ and PostgreSQL.</summary>
public static class DistributedHostingExtensions
{
    /// <summary>
    /// A worker: loads the model named by <c>Model:Directory</c> (with <c>ImageDecoding</c> settings), registers
    /// it, and consumes batches from RabbitMQ, writing results to PostgreSQL.
    /// </summary>
    public static IHostApplicationBuilder AddClipWorker(this IHostApplicationBuilder builder, string defaultModel)
    {
        ArgumentNullException.ThrowIfNull(builder);
        DistributedSettings settings = DistributedSettings.Read(builder.Configuration);
        var engine = new ClipEngineOptions
        {
            ModelDirectory = builder.Configuration[DistributedSettings.ModelKey] ?? defaultModel,
            ReducedJpegDecoding = builder.Configuration.GetValue<bool>(DistributedSettings.ReducedJpegKey),
        };
        builder.Configuration.GetSection(Clip.Core.Imaging.Decoding.ImageDecodingOptions.SectionName)
            .Bind(engine.Decoding);
        engine.Validate();

        AddShared(builder, settings);
        builder.Services.AddSingleton<IClipEngine>(sp => ClipEngine.Create(
            engine, sp.GetRequiredService<ILoggerFactory>().CreateLogger("Clip.Model")));
        builder.Services.AddSingleton<IResultSink, PostgresResultSink>();
        builder.Services.AddHostedService<WorkerStartup>();
        AddPipeline(builder, settings, PipelineRoles.Worker);
        return builder;
    }

    /// <summary>An orchestrator: takes jobs, publishes batches, tracks completions, resumes after a restart.</summary>
    public static IHostApplicationBuilder AddClipOrchestrator(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        DistributedSettings settings = DistributedSettings.Read(builder.Configuration);
        AddShared(builder, settings);

        // The orchestrator writes no results; the sink only closes jobs, which PostgreSQL needs nothing for.
        builder.Services.AddSingleton<IResultSink, PostgresResultSink>();
        builder.Services.AddSingleton<IJobStore, PostgresJobStore>();
        builder.Services.AddHostedService<OrchestratorStartup>();
        AddPipeline(builder, settings, PipelineRoles.Orchestrator);
        return builder;
    }

    private static void AddShared(IHostApplicationBuilder builder, DistributedSettings settings)
    {
        builder.Services.AddSingleton(_ => PostgresStorage.Create(settings.Postgres));
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres");
        builder.Services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter(PipelineMetrics.MeterName);
            if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            {
                metrics.AddOtlpExporter();
            }

            if (string.Equals(builder.Configuration["Telemetry:Console"], "true", StringComparison.OrdinalIgnoreCase))
            {
                metrics.AddConsoleExporter();
            }
        });
    }

    private static void AddPipeline(IHostApplicationBuilder builder, DistributedSettings settings, PipelineRoles roles)
    {
        builder.Services.AddClipPipeline(new PipelineHostOptions
        {
            Mode = PipelineMode.Distributed,
            Roles = roles,
            RabbitMqUri = settings.RabbitMqUri,
            BlobConnectionString = settings.BlobConnectionString,
            Pipeline = settings.Pipeline,
        });
    }
}
