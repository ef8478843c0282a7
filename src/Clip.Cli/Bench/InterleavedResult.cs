namespace Clip.Cli.Bench;

/// <summary>The rates of variants measured in alternation: one rate per variant and round.</summary>
internal sealed class InterleavedResult
{
    private readonly Dictionary<string, List<double>> _rates;

    public InterleavedResult(IEnumerable<string> names)
    {
        _rates = names.ToDictionary(n => n, _ => new List<double>(), StringComparer.Ordinal);
    }

    public void Add(string name, double rate) => _rates[name].Add(rate);

    /// <summary>The rates of one variant, in round order.</summary>
    public IReadOnlyList<double> Rates(string name) => _rates[name];

    /// <summary>The median rate of a variant over the rounds.</summary>
    public double Median(string name) => Statistics.Median(_rates[name]);

    /// <summary>
    /// The median over rounds of the ratio of two variants' rates in the same round. Taking the ratio within a
    /// round first cancels load that changes between rounds but is the same for neighbouring measurements.
    /// </summary>
    public double Ratio(string numerator, string denominator) =>
        Statistics.Median(_rates[numerator].Zip(_rates[denominator], (n, d) => n / d));
}
