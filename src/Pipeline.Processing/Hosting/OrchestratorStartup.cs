using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Processing.Diagnostics;
using Pipeline.Processing.Jobs;
using Pipeline.Storage.Postgres;

namespace Pipeline.Processing.Hosting;

/// <summary>
/// Migrates the database before the bus starts, and once the host runs resumes every job that an earlier
/// orchestrator left unfinished.
/// </summary>
internal sealed class OrchestratorStartup(
    PostgresStorage storage,
    IJobStore store,
    JobCoordinator coordinator,
    IBus bus,
    IHostApplicationLifetime lifetime,
    ILogger<OrchestratorStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.Migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
        lifetime.ApplicationStarted.Register(() => _ = ResumeAllAsync(lifetime.ApplicationStopping));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ResumeAllAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var job in await store.ListUnfinishedAsync(cancellationToken).ConfigureAwait(false))
            {
                await coordinator.ResumeAsync(job, bus, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            PipelineLog.ResumeFailed(logger, e);
        }
    }
}
