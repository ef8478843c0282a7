namespace Pipeline.Tests.Curation;

/// <summary>Unit vectors with chosen cosines, so that tests know every similarity in advance.</summary>
internal static class Vectors
{
    public const int Dimension = 8;

    /// <summary>The unit vector along an axis.</summary>
    public static float[] Axis(int axis)
    {
        var v = new float[Dimension];
        v[axis] = 1;
        return v;
    }

    /// <summary>A unit vector whose cosine with <see cref="Axis"/>(<paramref name="axis"/>) is
    /// <paramref name="cosine"/>, turned towards <paramref name="towards"/>.</summary>
    public static float[] Near(int axis, double cosine, int towards)
    {
        var v = new float[Dimension];
        v[axis] = (float)cosine;
        v[towards] = (float)Math.Sqrt(1 - (cosine * cosine));
        return v;
    }

    public static double Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
}
