namespace Clip.Core.Tests.Imaging.Decoding;

/// <summary>
/// A measurement that prints figures instead of asserting; it runs only when CLIP_BENCHMARKS=1 so that the normal
/// test run stays fast.
/// </summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public const string EnvironmentVariable = "CLIP_BENCHMARKS";

    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) != "1")
        {
            Skip = $"Measurement only; set {EnvironmentVariable}=1 to run it.";
        }
    }
}
