namespace Clip.Cli.Bench;

/// <summary>The running workers of the scale-out stage; worker i is pinned to CPU i.</summary>
internal sealed class WorkerPool(string workerDll, IReadOnlyDictionary<string, string> environment, BenchLog log)
    : IAsyncDisposable
{
    private readonly List<WorkerProcess> _workers = [];

    /// <summary>Starts or stops workers until <paramref name="count"/> run.</summary>
    public async Task ResizeAsync(int count, CancellationToken cancellationToken)
    {
        while (_workers.Count < count)
        {
            int cpu = _workers.Count;
            _workers.Add(await WorkerProcess.StartAsync(workerDll, cpu, environment, log, cancellationToken));
        }

        while (_workers.Count > count)
        {
            WorkerProcess last = _workers[^1];
            _workers.RemoveAt(_workers.Count - 1);
            await last.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (WorkerProcess worker in _workers)
        {
            await worker.DisposeAsync();
        }

        _workers.Clear();
    }
}
