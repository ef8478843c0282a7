using System.Collections.Concurrent;

namespace Clip.Core.Imaging.Preprocessing;

/// <summary>
/// Shares <see cref="AxisCoefficients"/> between images of the same size, which are common in a collection (every
/// photo of one camera model). Thread-safe and bounded.
/// </summary>
internal static class CoefficientCache
{
    private const int Capacity = 512;

    private static readonly ConcurrentDictionary<(int In, int Out, int First, int Count), AxisCoefficients> Tables =
        new();

    public static AxisCoefficients Get(int inputSize, int outputSize, int firstOutput, int count)
    {
        var key = (inputSize, outputSize, firstOutput, count);
        if (Tables.TryGetValue(key, out AxisCoefficients? table))
        {
            return table;
        }

        // Dropping everything when full is crude but bounds memory; recomputing a table costs microseconds.
        if (Tables.Count >= Capacity)
        {
            Tables.Clear();
        }

        return Tables.GetOrAdd(key, k => AxisCoefficients.Compute(k.In, k.Out, k.First, k.Count));
    }
}
