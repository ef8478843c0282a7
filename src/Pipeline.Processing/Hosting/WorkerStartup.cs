using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Processing.Diagnostics;
using Pipeline.Processing.Engine;
using Pipeline.Processing.Postgres;
using Pipeline.Storage.Postgres;

namespace Pipeline.Processing.Hosting;

/// <summary>
/// Runs before the bus starts: migrates the database, loads the model and registers it, so a worker consumes
/// nothing until it can store what it makes.
/// </summary>
internal sealed class WorkerStartup(
    PostgresStorage storage,
    IClipEngine engine,
    ILogger<WorkerStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.Migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (engine is ClipEngine clip)
        {
            var model = await ModelRegistrar.RegisterAsync(storage, clip.Model.Info, cancellationToken)
                .ConfigureAwait(false);
            PipelineLog.ServingModel(logger, model.Name, model.Version, model.Id);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
