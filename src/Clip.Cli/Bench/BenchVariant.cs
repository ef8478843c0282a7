namespace Clip.Cli.Bench;

/// <summary>One of the things a stage compares: given a time slice, it works for about that long and says how
/// many items per second it managed.</summary>
/// <param name="Name">Name in tables and progress lines.</param>
/// <param name="MeasureAsync">Measures one slice; returns items per second.</param>
internal sealed record BenchVariant(string Name, Func<TimeSpan, CancellationToken, Task<double>> MeasureAsync)
{
    /// <summary>
    /// Whether one slice is run and thrown away before the first round. True for code in this process, which the
    /// JIT compiles again, optimised, only after it has run a while; false for helper processes that warm up
    /// themselves and for jobs that are long enough anyway.
    /// </summary>
    public bool WarmUp { get; init; } = true;

    /// <summary>A variant that repeats <paramref name="step"/> (which returns the items it did) on the calling
    /// thread until the slice is over, at least once.</summary>
    public static BenchVariant Looping(string name, Func<long> step) =>
        new(name, (slice, token) => Task.FromResult(Throughput.Loop(step, slice, token)));
}
