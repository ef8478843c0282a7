using System.Diagnostics;
using System.Globalization;

namespace Clip.Cli.Bench;

/// <summary>
/// One distributed worker (<c>workers/Pipeline.Worker</c>) as its own process, pinned to one CPU with
/// <c>taskset</c> so that each worker stands for a one-core machine. Ready once its bus has started.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process)
    {
        _process = process;
    }

    public static async Task<WorkerProcess> StartAsync(
        string workerDll,
        int cpu,
        IReadOnlyDictionary<string, string> environment,
        BenchLog log,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("taskset")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "-c", cpu.ToString(CultureInfo.InvariantCulture), "dotnet", workerDll })
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string key, string value) in environment)
        {
            start.Environment[key] = value;
        }

        var worker = new WorkerProcess(Process.Start(start)
            ?? throw new InvalidOperationException("The worker process could not be started."));
        worker._process.OutputDataReceived += (_, e) => worker.OnLine(e.Data, cpu, log);
        worker._process.ErrorDataReceived += (_, e) => worker.OnLine(e.Data, cpu, log);
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        await worker._ready.Task.WaitAsync(StartTimeout, cancellationToken);
        log.Write($"scaleout: worker on CPU {cpu} ready (process {worker._process.Id})");
        return worker;
    }

    /// <summary>Asks the worker to stop (SIGTERM), and kills it if it has not stopped in time.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private void OnLine(string? line, int cpu, BenchLog log)
    {
        if (line is null)
        {
            _ready.TrySetException(
                new InvalidOperationException($"The worker on CPU {cpu} exited before it was ready."));
            return;
        }

        // MassTransit's line once the worker consumes from RabbitMQ.
        if (line.Contains("Bus started", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
        else if (line.StartsWith("fail:", StringComparison.Ordinal) ||
            line.StartsWith("crit:", StringComparison.Ordinal))
        {
            log.Write($"worker on CPU {cpu}: {line}");
        }
    }
}
