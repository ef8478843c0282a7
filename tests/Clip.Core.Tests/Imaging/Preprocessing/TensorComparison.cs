namespace Clip.Core.Tests.Imaging.Preprocessing;

/// <summary>Differences between an actual and an expected array, with a readable failure message.</summary>
internal readonly record struct TensorComparison(
    double MaxAbs,
    double MeanAbs,
    int Differing,
    int Count,
    int FirstIndex)
{
    public double DifferingShare => (double)Differing / Count;

    public static TensorComparison Of(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        double max = 0, total = 0;
        int differing = 0, first = -1;
        for (int i = 0; i < expected.Length; i++)
        {
            double diff = Math.Abs((double)actual[i] - expected[i]);
            total += diff;
            if (diff > 0 && first < 0)
            {
                first = i;
            }

            differing += diff > 0 ? 1 : 0;
            max = Math.Max(max, diff);
        }

        return new TensorComparison(max, total / expected.Length, differing, expected.Length, first);
    }

    public static TensorComparison Of(ReadOnlySpan<byte> actual, ReadOnlySpan<byte> expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        var a = new float[actual.Length];
        var e = new float[expected.Length];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = actual[i];
            e[i] = expected[i];
        }

        return Of(a, e);
    }

    public override string ToString() =>
        $"max |diff| {MaxAbs:G6}, mean {MeanAbs:G6}, {Differing} of {Count} differ ({DifferingShare:P3}), " +
        $"first at {FirstIndex}";
}
