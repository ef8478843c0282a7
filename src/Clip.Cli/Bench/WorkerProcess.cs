using System.Diagnostics;
using System.Globalization;

namespace Clip.Cli.Bench;

/// <summary>
/// One distributed worker (<c>workers/Pipeline.Worker</c>) as its own process, configured by environment variables.
/// Ready once its bus has started.
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
        int index,
        IReadOnlyDictionary<string, string> environment,
        BenchLog log,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(workerDll);

        foreach ((string key, string value) in environment)
        {
            start.Environment[key] = value;
        }

        var worker = new WorkerProcess(Process.Start(start)
            ?? throw new InvalidOperationException("The worker process could not be started."));
        worker._process.OutputDataReceived += (_, e) => worker.OnLine(e.Data, index, log);
        worker._process.ErrorDataReceived += (_, e) => worker.OnLine(e.Data, index, log);
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        await worker._ready.Task.WaitAsync(StartTimeout, cancellationToken);
        log.Write($"scaleout: worker {index + 1} ready (process {worker._process.Id})");
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

    private void OnLine(string? line, int index, BenchLog log)
    {
        if (line is null)
        {
            _ready.TrySetException(
                new InvalidOperationException($"Worker {index + 1} exited before it was ready."));
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
            log.Write($"worker {index + 1}: {line}");
        }
    }
}
