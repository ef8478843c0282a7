using System.Diagnostics;

namespace Pipeline.Tests.Distributed;

/// <summary>
/// The local services that <c>infra/services.sh up</c> starts, found through the variables its <c>env</c> command
/// prints. A test that needs them fails, with a message saying how to start them, when they are not set.
/// </summary>
internal static class TestServices
{
    public static string Postgres => Require("CLIP_TEST_POSTGRES");

    public static string RabbitMq => Require("CLIP_TEST_RABBITMQ");

    public static string Azurite => Require("CLIP_TEST_AZURITE");

    /// <summary>Creates a RabbitMQ vhost of the test's own and returns its address.</summary>
    public static async Task<string> CreateVhostAsync(string name) =>
        (await RunScriptAsync("vhost", name)).Trim();

    public static Task DropVhostAsync(string name) => RunScriptAsync("drop-vhost", name);

    /// <summary>Drops every message of a queue, as a broker that lost them would.</summary>
    public static Task PurgeQueueAsync(string vhost, string queue) => RunScriptAsync("purge", vhost, queue);

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. Start the local services with 'infra/services.sh up' and export what " +
                "'infra/services.sh env' prints (infra/test.sh does both).");

    private static async Task<string> RunScriptAsync(string command, params string[] arguments)
    {
        string script = Path.Combine(Clip.Core.Tests.SharedData.RepositoryRoot, "infra", "services", "rabbitmq.sh");
        var start = new ProcessStartInfo("bash", [script, command, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        string output = await process.StandardOutput.ReadToEndAsync();
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"rabbitmq.sh {command} failed: {error}");
    }
}
