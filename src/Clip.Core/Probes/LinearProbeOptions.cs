namespace Clip.Core.Probes;

/// <summary>
/// How <see cref="LinearProbeTrainer"/> fits a probe. Every default is documented on its property;
/// <see cref="Validate"/> rejects a bad value naming the property.
/// </summary>
public sealed class LinearProbeOptions
{
    /// <summary>
    /// The L2 regularisation strengths λ tried. Default: 15 values log-spaced from 10⁻⁶ to 10¹ (half a decade
    /// apart), the part of the CLIP paper's 10⁻⁶..10⁶ sweep where the loss is not dominated by λ (λ here weighs the
    /// mean cross-entropy, so λ ≥ 10 already forces near-zero weights). One value skips the selection.
    /// </summary>
    public IReadOnlyList<double> LambdaGrid { get; set; } = LogSpaced(1e-6, 1e1, 15);

    /// <summary>Share of each class held out to choose λ, in (0, 1). Default 0.2.</summary>
    public double ValidationFraction { get; set; } = 0.2;

    /// <summary>Folds of the reported cross-validated accuracy; 0 skips it, otherwise at least 2. Default 5.</summary>
    public int CrossValidationFolds { get; set; } = 5;

    /// <summary>Seed of the stratified shuffles, so the same data and options give the same probe. Default 0.</summary>
    public int Seed { get; set; }

    /// <summary>L-BFGS iterations per fit, at least 1. Default 300.</summary>
    public int MaxIterations { get; set; } = 300;

    /// <summary>A fit stops early when no gradient component exceeds this; at least 0. Default 1e-6.</summary>
    public double GradientTolerance { get; set; } = 1e-6;

    /// <summary>
    /// <paramref name="count"/> values from <paramref name="first"/> to <paramref name="last"/> (both included),
    /// evenly spaced in log10.
    /// </summary>
    public static double[] LogSpaced(double first, double last, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(last);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (count == 1)
        {
            return [first];
        }

        double from = Math.Log10(first);
        double step = (Math.Log10(last) - from) / (count - 1);
        return Enumerable.Range(0, count).Select(i => Math.Pow(10, from + (i * step))).ToArray();
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (LambdaGrid is null || LambdaGrid.Count == 0 || LambdaGrid.Any(l => !(l > 0) || double.IsInfinity(l)))
        {
            throw new ArgumentException($"{nameof(LambdaGrid)} needs one or more finite values above 0.");
        }

        if (!(ValidationFraction > 0 && ValidationFraction < 1))
        {
            throw new ArgumentException(
                $"{nameof(ValidationFraction)} must be between 0 and 1, not {ValidationFraction}.");
        }

        if (CrossValidationFolds is < 0 or 1)
        {
            throw new ArgumentException($"{nameof(CrossValidationFolds)} must be 0 (off) or at least 2.");
        }

        if (MaxIterations < 1)
        {
            throw new ArgumentException($"{nameof(MaxIterations)} must be at least 1.");
        }

        if (!(GradientTolerance >= 0))
        {
            throw new ArgumentException($"{nameof(GradientTolerance)} must be 0 or more.");
        }
    }
}
