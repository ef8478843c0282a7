namespace Clip.Core.Probes;

/// <summary>Where <see cref="Lbfgs.Minimize"/> stopped.</summary>
/// <param name="Minimum">The parameters reached.</param>
/// <param name="Value">The objective there.</param>
/// <param name="Iterations">Iterations run.</param>
internal sealed record LbfgsResult(double[] Minimum, double Value, int Iterations);
