using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Processing;
using Pipeline.Processing.Engine;
using Pipeline.Processing.Hosting;
using Pipeline.Processing.Jobs;
using Pipeline.Processing.Postgres;
using Pipeline.Storage.Results;

namespace Pipeline.Tests.Curation;

/// <summary>
/// Orchestrator and worker in one process over the in-memory bus, with PostgreSQL as job store and result sink and
/// curation enabled: what the distributed hosts run, without RabbitMQ.
/// </summary>
internal sealed class ReembedHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ReembedHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IBus Bus => _host.Services.GetRequiredService<IBus>();

    public static async Task<ReembedHost> StartAsync(FreshDatabase db, string modelDirectory, int batchSize)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(db.Storage);
        builder.Services.AddSingleton(db.Store);
        builder.Services.AddSingleton<IClipEngine>(_ => ClipEngine.Create(
            new ClipEngineOptions { ModelDirectory = modelDirectory }, NullLogger.Instance));
        builder.Services.AddSingleton<IResultSink>(_ => new PostgresResultSink(db.Storage));
        builder.Services.AddSingleton<IJobStore, PostgresJobStore>();
        builder.Services.AddClipPipeline(new PipelineHostOptions
        {
            Mode = PipelineMode.Embedded,
            Roles = PipelineRoles.All,
            Pipeline = new PipelineOptions { BatchSize = batchSize },
        });
        IHost host = builder.Build();
        var engine = (ClipEngine)host.Services.GetRequiredService<IClipEngine>();
        await ModelRegistrar.RegisterAsync(db.Storage, engine.Model.Info, CancellationToken.None);
        await host.StartAsync();
        return new ReembedHost(host);
    }

    public Task<JobProgress> WaitAsync(Guid jobId) =>
        _host.Services.GetRequiredService<JobTracker>().WaitForCompletionAsync(jobId, CancellationToken.None)
            .WaitAsync(TimeSpan.FromMinutes(2));

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
