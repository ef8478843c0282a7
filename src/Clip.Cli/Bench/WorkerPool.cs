namespace Clip.Cli.Bench;

/// <summary>The running worker processes of the scale-out stage.</summary>
internal sealed class WorkerPool(string workerDll, IReadOnlyDictionary<string, string> environment, BenchLog log)
    : IAsyncDisposable
{
    private readonly List<WorkerProcess> _workers = [];

    /// <summary>Starts or stops workers until <paramref name="count"/> run; true when one was started.</summary>
    public async Task<bool> ResizeAsync(int count, CancellationToken cancellationToken)
    {
        bool started = _workers.Count < count;
        while (_workers.Count < count)
        {
            int index = _workers.Count;
            _workers.Add(await WorkerProcess.StartAsync(workerDll, index, environment, log, cancellationToken));
        }

        while (_workers.Count > count)
        {
            WorkerProcess last = _workers[^1];
            _workers.RemoveAt(_workers.Count - 1);
            await last.DisposeAsync();
        }

        return started;
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
