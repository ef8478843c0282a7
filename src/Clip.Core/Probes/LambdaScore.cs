namespace Clip.Core.Probes;

/// <summary>How a probe fitted with one regularisation strength did on the held-out validation split.</summary>
/// <param name="Lambda">The L2 regularisation strength λ.</param>
/// <param name="ValidationAccuracy">The share of validation samples predicted right.</param>
/// <param name="ValidationLogLoss">The mean of −ln p(true class) over the validation samples.</param>
public readonly record struct LambdaScore(double Lambda, double ValidationAccuracy, double ValidationLogLoss);
