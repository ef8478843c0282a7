using System.Diagnostics;

namespace Clip.Cli.Bench;

/// <summary>Items per second of work repeated for a time slice.</summary>
internal static class Throughput
{
    /// <summary>Runs <paramref name="step"/> until <paramref name="slice"/> has passed, at least once.</summary>
    public static double Loop(Func<long> step, TimeSpan slice, CancellationToken cancellationToken)
    {
        long items = 0;
        var clock = Stopwatch.StartNew();
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            items += step();
        }
        while (clock.Elapsed < slice);

        return items / clock.Elapsed.TotalSeconds;
    }
}
