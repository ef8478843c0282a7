using Pipeline.Storage;
using Pipeline.Tests.Curation;
using Pipeline.Tests.Distributed;

namespace Pipeline.Tests.Orchestrator;

/// <summary>
/// An orchestrator and a worker with the tiny model, as processes over a database and RabbitMQ vhost of their own,
/// shared by the tests of a class and removed after them.
/// </summary>
public sealed class OrchestratorFixture : IAsyncLifetime
{
    private readonly string _run = "defs_" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<HostProcess> _hosts = [];

    internal FreshDatabase Database { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The model the worker registered.</summary>
    public ModelRecord Model { get; private set; } = null!;

    public string Logs => string.Join("\n---\n", _hosts.Select(h => h.Output));

    public async Task InitializeAsync()
    {
        Database = await FreshDatabase.CreateAsync();
        string rabbit = await TestServices.CreateVhostAsync(_run);
        var environment = new Dictionary<string, string>
        {
            ["Messaging__RabbitMq__Uri"] = rabbit,
            ["Storage__Postgres__ConnectionString"] = Database.ConnectionString,
            ["Model__Directory"] = TinyCorpus.ModelDirectory,
            ["Pipeline__BatchSize"] = "2",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        string url = LocalUrl.Free();
        _hosts.Add(HostProcess.Start("workers", "Pipeline.Worker",
            new Dictionary<string, string>(environment) { ["ASPNETCORE_URLS"] = LocalUrl.Free() }));
        _hosts.Add(HostProcess.Start("orchestrator", "Pipeline.Orchestrator",
            new Dictionary<string, string>(environment) { ["ASPNETCORE_URLS"] = url }));
        Http = new HttpClient { BaseAddress = new Uri(url) };
        await ReviewPageDriver.WaitForHealthAsync(url, _hosts[1]);
        Model = await WaitForModelAsync();
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        foreach (HostProcess host in _hosts)
        {
            host.Dispose();
        }

        await TestServices.DropVhostAsync(_run);
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }

    private async Task<ModelRecord> WaitForModelAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_hosts.Any(h => h.HasExited), "A host exited early.\n" + Logs);
            if (await Database.Storage.Models.FindLatestAsync("tiny-clip", CancellationToken.None) is { } model)
            {
                return model;
            }

            await Task.Delay(300);
        }

        throw new TimeoutException("The worker registered no model within 2 minutes.\n" + Logs);
    }
}
