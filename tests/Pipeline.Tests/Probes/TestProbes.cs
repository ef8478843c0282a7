using Clip.Core.Probes;
using Clip.Core.ZeroShot;
using Pipeline.Contracts;
using Pipeline.Storage.Results;

namespace Pipeline.Tests.Probes;

/// <summary>Linear probes with seeded random weights, and the labels the CLIP core's probe gives.</summary>
internal static class TestProbes
{
    public static readonly string[] SceneClasses = ["indoors", "sky", "food", "animal"];

    /// <summary>
    /// A probe on image embeddings of the named model. Weights are large enough for the probabilities to differ
    /// clearly between images; <paramref name="seed"/> makes them repeatable.
    /// </summary>
    public static LinearProbeDefinition For(
        string modelName,
        string modelContentHash,
        int dimension,
        string name = "scene",
        float? minProbability = null,
        int seed = 7)
    {
        var random = new Random(seed);
        IReadOnlyList<float>[] weights = SceneClasses
            .Select(_ => (IReadOnlyList<float>)Enumerable.Range(0, dimension)
                .Select(_ => (float)((random.NextDouble() * 2) - 1) * 8f).ToArray())
            .ToArray();
        float[] bias = SceneClasses.Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        return new LinearProbeDefinition(name, modelName, modelContentHash, FeatureSource.ImageFeatures,
            SceneClasses, weights, bias, minProbability);
    }

    /// <summary>
    /// A probe whose class c has the scaled embedding <paramref name="prototypes"/>[c] as its weights: an image
    /// scores highest on the class of its own embedding.
    /// </summary>
    public static LinearProbeDefinition FromPrototypes(
        string modelName,
        string modelContentHash,
        IReadOnlyList<string> classes,
        float[][] prototypes) =>
        new("nearest", modelName, modelContentHash, FeatureSource.ImageFeatures, classes,
            prototypes.Select(p => (IReadOnlyList<float>)p.Select(x => x * 50f).ToArray()).ToArray(),
            new float[classes.Count]);

    /// <summary>What <see cref="LinearProbe.PredictProbabilities(ReadOnlySpan{float})"/> ranks first.</summary>
    public static List<ImageLabel> Expected(LinearProbeDefinition definition, float[] embedding, int topK)
    {
        var probe = new LinearProbe(
            definition.Classes,
            definition.Weights.SelectMany(row => row).ToArray(),
            [.. definition.Bias],
            0,
            new FeatureSource(definition.ModelName, definition.ModelContentHash, definition.Features,
                embedding.Length));
        float[] probabilities = probe.PredictProbabilities(embedding);
        return ZeroShotMath.TopK(probabilities, topK)
            .Where(c => probabilities[c] >= (definition.MinProbability ?? 0f))
            .Select((c, rank) => new ImageLabel(definition.Name, definition.Classes[c], probabilities[c], rank + 1))
            .ToList();
    }
}
