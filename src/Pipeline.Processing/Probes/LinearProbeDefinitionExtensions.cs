using Clip.Core.Probes;
using Pipeline.Contracts;

namespace Pipeline.Processing.Probes;

/// <summary>Turns linear probe definitions into the probes of the CLIP core, and back.</summary>
public static class LinearProbeDefinitionExtensions
{
    /// <summary>
    /// The probe that scores embeddings. Throws <see cref="ArgumentException"/> naming the probe when its shape is
    /// wrong (rows of unequal length, a bias per class missing, fewer than two classes) or a value is not finite.
    /// </summary>
    public static LinearProbe ToLinearProbe(this LinearProbeDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Classes is null || definition.Weights is null || definition.Bias is null
            || definition.Weights.Count == 0 || definition.Weights.Any(row => row is null))
        {
            throw new ArgumentException($"The linear probe '{definition.Name}' needs classes, weights and bias.");
        }

        int dimension = definition.Weights[0].Count;
        int wrongRow = definition.Weights.ToList().FindIndex(row => row.Count != dimension);
        if (dimension == 0 || wrongRow >= 0)
        {
            int row = Math.Max(wrongRow, 0);
            throw new ArgumentException(
                $"Every weight row of the linear probe '{definition.Name}' must be as long as the first " +
                $"({dimension} floats, at least one); row {row} has {definition.Weights[row].Count}.");
        }

        try
        {
            var source = new FeatureSource(definition.ModelName, definition.ModelContentHash, definition.Features,
                dimension);
            return new LinearProbe(
                definition.Classes,
                definition.Weights.SelectMany(row => row).ToArray(),
                [.. definition.Bias],
                lambda: 0,
                source);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"The linear probe '{definition.Name}' is unusable: {e.Message}", e);
        }
    }

    /// <summary>
    /// The definition of a trained probe, to store or carry in a job under <paramref name="name"/>; labels below
    /// <paramref name="minProbability"/> (when given) are not kept.
    /// </summary>
    public static LinearProbeDefinition ToDefinition(this LinearProbe probe, string name, float? minProbability)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        float[] weights = probe.Weights.ToArray();
        IReadOnlyList<float>[] rows = weights.Chunk(probe.Dimension).Select(row => (IReadOnlyList<float>)row)
            .ToArray();
        return new LinearProbeDefinition(
            name,
            probe.Source.ModelName,
            probe.Source.ModelContentHash,
            probe.Source.Features,
            [.. probe.Classes],
            rows,
            probe.Bias.ToArray(),
            minProbability);
    }
}
