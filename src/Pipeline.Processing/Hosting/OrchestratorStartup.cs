using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts;
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
        IReadOnlyList<JobSubmitted> jobs;
        try
        {
            jobs = await store.ListUnfinishedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            PipelineLog.ResumeFailed(logger, Guid.Empty, e);
            return;
        }

        // One job that cannot resume (its source is gone, say) must not keep the others from resuming.
        foreach (JobSubmitted job in jobs)
        {
            try
            {
                await coordinator.ResumeAsync(job, bus, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                PipelineLog.ResumeFailed(logger, job.JobId, e);
            }
        }
    }
}
