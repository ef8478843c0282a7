using Clip.Core.Embeddings;
using Clip.Core.Probes;

namespace Clip.Core.Tests.Probes;

/// <summary>Synthetic feature vectors for probe tests.</summary>
internal static class ProbeTestData
{
    public static readonly FeatureSource Source = new("test-model", "0123456789abcdef0123", "image", 8);

    /// <summary>
    /// <paramref name="perClass"/> samples of each class c, at the unit vector along axis c plus Gaussian noise of
    /// standard deviation <paramref name="noise"/> on every axis. Labels follow the clusters unless
    /// <paramref name="shuffleLabels"/>, which replaces them with seeded random classes.
    /// </summary>
    public static LabeledEmbeddings Clusters(
        int classes,
        int perClass,
        float noise,
        int seed,
        bool shuffleLabels = false,
        int dimension = 8)
    {
        var random = new Random(seed);
        int count = classes * perClass;
        float[] values = new float[count * dimension];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            int cluster = i % classes;
            for (int d = 0; d < dimension; d++)
            {
                values[(i * dimension) + d] = (d == cluster ? 1f : 0f) + (noise * Gaussian(random));
            }

            labels[i] = shuffleLabels ? random.Next(classes) : cluster;
        }

        string[] names = Enumerable.Range(0, classes).Select(c => $"class{c}").ToArray();
        return new LabeledEmbeddings(new EmbeddingBatch(values, dimension), labels, names);
    }

    private static float Gaussian(Random random)
    {
        // Box-Muller: two uniforms on (0, 1] give one standard normal sample.
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }
}
