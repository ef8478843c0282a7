using System.Numerics.Tensors;

namespace Clip.Core.Probes;

/// <summary>
/// Limited-memory BFGS (Nocedal and Wright, "Numerical Optimization", algorithms 7.4 and 7.5) with a backtracking
/// Armijo line search. Full-batch and single-threaded, so the same start gives the same result on every run.
/// </summary>
internal static class Lbfgs
{
    /// <summary>Returns the objective at x and writes its gradient.</summary>
    public delegate double Objective(ReadOnlySpan<double> x, Span<double> gradient);

    private const double ArmijoSlope = 1e-4;
    private const int MaxHalvings = 40;

    public static LbfgsResult Minimize(
        Objective objective,
        double[] start,
        int maxIterations,
        double gradientTolerance,
        int memory = 10)
    {
        int n = start.Length;
        double[] x = (double[])start.Clone();
        double[] g = new double[n];
        double f = objective(x, g);
        var history = new List<(double[] S, double[] Y, double Rho)>(memory);
        double[] direction = new double[n];
        double[] xNext = new double[n];
        double[] gNext = new double[n];

        int iteration = 0;
        for (; iteration < maxIterations; iteration++)
        {
            // MaxMagnitude returns the element itself, sign included.
            if (Math.Abs(TensorPrimitives.MaxMagnitude<double>(g)) <= gradientTolerance)
            {
                break;
            }

            SearchDirection(g, history, direction);
            double slope = TensorPrimitives.Dot<double>(g, direction);
            if (!(slope < 0))
            {
                // Curvature pairs gone stale can give an ascent direction; start over from steepest descent.
                history.Clear();
                SearchDirection(g, history, direction);
                slope = TensorPrimitives.Dot<double>(g, direction);
            }

            // Without curvature information the first step is scaled to unit length.
            double step = history.Count == 0 ? Math.Min(1.0, 1.0 / TensorPrimitives.Norm<double>(g)) : 1.0;
            double fNext = double.NaN;
            int halvings = 0;
            for (; halvings < MaxHalvings; halvings++, step *= 0.5)
            {
                TensorPrimitives.MultiplyAdd<double>(direction, step, x, xNext);
                fNext = objective(xNext, gNext);
                if (fNext <= f + (ArmijoSlope * step * slope))
                {
                    break;
                }
            }

            if (halvings == MaxHalvings)
            {
                break;
            }

            Remember(history, memory, x, xNext, g, gNext);
            (x, xNext) = (xNext, x);
            (g, gNext) = (gNext, g);
            f = fNext;
        }

        return new LbfgsResult(x, f, iteration);
    }

    /// <summary>The two-loop recursion: direction = −H·g with H the inverse Hessian estimate.</summary>
    private static void SearchDirection(
        double[] g,
        List<(double[] S, double[] Y, double Rho)> history,
        double[] direction)
    {
        g.CopyTo(direction, 0);
        double[] alpha = new double[history.Count];
        for (int k = history.Count - 1; k >= 0; k--)
        {
            var (s, y, rho) = history[k];
            alpha[k] = rho * TensorPrimitives.Dot<double>(s, direction);
            TensorPrimitives.MultiplyAdd<double>(y, -alpha[k], direction, direction);
        }

        if (history.Count > 0)
        {
            var (s, y, _) = history[^1];
            TensorPrimitives.Multiply<double>(
                direction,
                TensorPrimitives.Dot<double>(s, y) / TensorPrimitives.Dot<double>(y, y),
                direction);
        }

        for (int k = 0; k < history.Count; k++)
        {
            var (s, y, rho) = history[k];
            double beta = rho * TensorPrimitives.Dot<double>(y, direction);
            TensorPrimitives.MultiplyAdd<double>(s, alpha[k] - beta, direction, direction);
        }

        TensorPrimitives.Negate<double>(direction, direction);
    }

    private static void Remember(
        List<(double[] S, double[] Y, double Rho)> history,
        int memory,
        double[] x,
        double[] xNext,
        double[] g,
        double[] gNext)
    {
        double[] s = new double[x.Length];
        double[] y = new double[x.Length];
        TensorPrimitives.Subtract<double>(xNext, x, s);
        TensorPrimitives.Subtract<double>(gNext, g, y);
        double sy = TensorPrimitives.Dot<double>(s, y);

        // A pair without positive curvature would make the inverse Hessian estimate indefinite; skip it.
        if (!(sy > 1e-12 * TensorPrimitives.Dot<double>(y, y)))
        {
            return;
        }

        if (history.Count == memory)
        {
            history.RemoveAt(0);
        }

        history.Add((s, y, 1.0 / sy));
    }
}
