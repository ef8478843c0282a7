using Clip.Core.Probes;

namespace Clip.Core.Tests.Probes;

public sealed class LbfgsTests
{
    [Fact]
    public void Minimize_IllConditionedQuadratic_ReachesItsMinimum()
    {
        // f(x) = Σ (i+1)·10^(i % 3)·(x_i − i)², minimum 0 at x_i = i; curvatures span 1 to 800.
        const int N = 8;
        double Curvature(int i) => (i + 1) * Math.Pow(10, i % 3);
        double Objective(ReadOnlySpan<double> x, Span<double> g)
        {
            double f = 0;
            for (int i = 0; i < N; i++)
            {
                f += Curvature(i) * (x[i] - i) * (x[i] - i);
                g[i] = 2 * Curvature(i) * (x[i] - i);
            }

            return f;
        }

        LbfgsResult result = Lbfgs.Minimize(Objective, new double[N], maxIterations: 200, gradientTolerance: 1e-9);

        for (int i = 0; i < N; i++)
        {
            Assert.Equal(i, result.Minimum[i], 8);
        }

        Assert.True(result.Iterations < 200, $"took all {result.Iterations} iterations");
    }

    [Fact]
    public void Minimize_BudgetOfOne_StopsAfterOneIteration()
    {
        double Objective(ReadOnlySpan<double> x, Span<double> g)
        {
            g[0] = 2 * (x[0] - 5);
            return (x[0] - 5) * (x[0] - 5);
        }

        LbfgsResult result = Lbfgs.Minimize(Objective, [0], maxIterations: 1, gradientTolerance: 0);

        Assert.Equal(1, result.Iterations);
        Assert.True(result.Value < 25);
    }
}
