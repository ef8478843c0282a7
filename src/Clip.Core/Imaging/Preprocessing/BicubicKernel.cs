namespace Clip.Core.Imaging.Preprocessing;

/// <summary>Keys' cubic convolution kernel with a = -0.5, the reference's bicubic filter.</summary>
internal static class BicubicKernel
{
    /// <summary>The kernel is zero outside [-2, 2] (before stretching for a downscale).</summary>
    public const double Support = 2.0;

    private const double A = -0.5;

    // The operation order matches the reference's expression term by term: the weights feed a fixed-point rounding,
    // so a reordered polynomial could flip a weight by one unit and a pixel by one level.
    public static double Evaluate(double x)
    {
        if (x < 0.0)
        {
            x = -x;
        }

        if (x < 1.0)
        {
            return ((((A + 2.0) * x) - (A + 3.0)) * x * x) + 1;
        }

        if (x < 2.0)
        {
            return ((((((x - 5) * x) + 8) * x) - 4) * A);
        }

        return 0.0;
    }
}
