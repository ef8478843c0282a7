namespace Clip.Cli.Bench;

/// <summary>What the figures were measured on: cores, CPU model and load, from <c>/proc</c> where it exists.</summary>
internal static class BenchMachine
{
    public static string Describe() =>
        $"{Environment.ProcessorCount} cores ({CpuModel()}), {Environment.OSVersion}, .NET {Environment.Version}";

    /// <summary>True when this build runs without JIT optimisations, which makes managed code several times slower.
    /// </summary>
    public static bool IsDebugBuild() =>
        typeof(BenchMachine).Assembly.GetCustomAttributes(typeof(System.Diagnostics.DebuggableAttribute), false)
            .OfType<System.Diagnostics.DebuggableAttribute>()
            .Any(a => a.IsJITOptimizerDisabled);

    /// <summary>The 1, 5 and 15 minute load averages, or "unknown".</summary>
    public static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(" ", File.ReadAllText(path).Split(' ').Take(3)) : "unknown";
    }

    private static string CpuModel()
    {
        const string path = "/proc/cpuinfo";
        if (!File.Exists(path))
        {
            return "CPU model unknown";
        }

        string? line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? "CPU model unknown" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
