using Clip.Cli.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts;
using Pipeline.Processing.Hosting;

namespace Clip.Cli.Bench;

/// <summary>
/// An orchestrator in this process (the same registration as the orchestrator host) that submits one job over
/// RabbitMQ and waits for the workers to finish it.
/// </summary>
internal sealed class DistributedJob(string rabbitMq, string database, int batchSize)
{
    // A job that is not done by then is stuck: another orchestrator on the broker took its completions, say.
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(10);

    public async Task<JobRunSummary> RunAsync(string source, string modelName, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DistributedSettings.RabbitMqKey] = rabbitMq,
            ["Storage:Postgres:ConnectionString"] = database,
            ["Pipeline:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new StandardErrorLoggerProvider(verbose: false));
        builder.AddClipOrchestrator();

        using IHost host = builder.Build();
        await host.StartAsync(cancellationToken);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(JobTimeout);
            return await host.Services.GetRequiredService<JobRunner>().RunAsync(
                source, modelName, new JobTasks([]), batchSize, progress: null, timeout.Token);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
