using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Processing.Engine;
using Pipeline.Processing.Jobs;
using Pipeline.Storage.Files;
using Pipeline.Storage.Results;

namespace Pipeline.Processing.Hosting;

/// <summary>
/// Builds the one-process pipeline that <c>clip run</c> uses: orchestrator and worker in one host over
/// MassTransit's in-memory transport, results to files unless another sink is given, jobs in memory unless another
/// job store is given.
/// </summary>
public static class EmbeddedPipeline
{
    /// <summary>
    /// Creates the host; start it, take its <see cref="JobRunner"/>, run the job, stop it. A sink that writes to
    /// PostgreSQL needs the PostgreSQL job store beside it (<paramref name="jobStore"/>): its error records and
    /// curation tables refer to the job's row.
    /// </summary>
    public static IHost CreateHost(
        ClipEngineOptions engine,
        PipelineOptions pipeline,
        Func<IServiceProvider, IResultSink>? sink,
        string outputDirectory,
        string? blobConnectionString = null,
        Action<ILoggingBuilder>? logging = null,
        Func<IServiceProvider, IJobStore>? jobStore = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);

        builder.Services.AddSingleton<IClipEngine>(sp => ClipEngine.Create(
            engine, sp.GetRequiredService<ILoggerFactory>().CreateLogger("Clip.Model")));
        if (sink is null)
        {
            builder.Services.AddSingleton<IResultSink>(
                _ => new FileResultSink(new FileResultSinkOptions { OutputDirectory = outputDirectory }));
        }
        else
        {
            builder.Services.AddSingleton(sink);
        }

        if (jobStore is not null)
        {
            builder.Services.AddSingleton(jobStore);
        }

        builder.Services.AddClipPipeline(new PipelineHostOptions
        {
            Mode = PipelineMode.Embedded,
            Roles = PipelineRoles.All,
            BlobConnectionString = blobConnectionString,
            Pipeline = pipeline,
        });
        return builder.Build();
    }
}
