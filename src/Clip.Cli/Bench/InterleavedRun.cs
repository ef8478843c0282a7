namespace Clip.Cli.Bench;

/// <summary>
/// Measures variants in alternation, round after round, so that each is measured under the same changing load
/// as the others. The order reverses every round, which evens out drift within a round.
/// </summary>
internal static class InterleavedRun
{
    public static async Task<InterleavedResult> RunAsync(
        IReadOnlyList<BenchVariant> variants,
        int rounds,
        TimeSpan slice,
        BenchLog log,
        CancellationToken cancellationToken)
    {
        var result = new InterleavedResult(variants.Select(v => v.Name));
        foreach (BenchVariant variant in variants.Where(v => v.WarmUp))
        {
            double rate = await variant.MeasureAsync(slice, cancellationToken);
            log.Write($"warm-up: {variant.Name}: {BenchFormat.Rate(rate)}/s");
        }

        for (int round = 0; round < rounds; round++)
        {
            IEnumerable<BenchVariant> order = round % 2 == 0 ? variants : variants.Reverse();
            foreach (BenchVariant variant in order)
            {
                double rate = await variant.MeasureAsync(slice, cancellationToken);
                result.Add(variant.Name, rate);
                log.Write($"round {round + 1}/{rounds}: {variant.Name}: {BenchFormat.Rate(rate)}/s");
            }
        }

        return result;
    }
}
