using Clip.Core.Embeddings;

namespace Clip.Cli.Bench;

/// <summary>
/// Unit vectors shaped like a collection's image embeddings rather than uniform noise: they lie in a cone around
/// one shared direction (CLIP embeddings are far from isotropic) and gather in clusters of different spreads (the
/// subjects of a collection), so near neighbours are close and a search index has real structure to find.
/// </summary>
internal sealed class ClusteredVectors
{
    // Weight of the shared direction in every centre: random centres then have a cosine of about 0.2.
    private const float SharedWeight = 0.5f;

    private readonly Random _random;
    private readonly float[][] _centres;
    private readonly float[] _spreads;

    public ClusteredVectors(int dimension, int clusters, int seed)
    {
        _random = new Random(seed);
        Dimension = dimension;
        float[] shared = Gaussian(1);
        VectorMath.NormalizeInPlace(shared);
        _centres = new float[clusters][];
        _spreads = new float[clusters];
        for (int c = 0; c < clusters; c++)
        {
            float[] centre = Gaussian(1);
            VectorMath.NormalizeInPlace(centre);
            for (int i = 0; i < dimension; i++)
            {
                centre[i] += SharedWeight * shared[i];
            }

            VectorMath.NormalizeInPlace(centre);
            _centres[c] = centre;

            // Noise of norm 0.5 to 1.2 around a unit centre: members have a cosine of about 0.65 to 0.9 with it.
            _spreads[c] = 0.5f + 0.7f * _random.NextSingle();
        }
    }

    public int Dimension { get; }

    /// <summary>The next vector: a random cluster's centre plus gaussian noise, normalised.</summary>
    public float[] Next()
    {
        int c = _random.Next(_centres.Length);
        float[] vector = Gaussian(_spreads[c] / MathF.Sqrt(Dimension));
        float[] centre = _centres[c];
        for (int i = 0; i < vector.Length; i++)
        {
            vector[i] += centre[i];
        }

        VectorMath.NormalizeInPlace(vector);
        return vector;
    }

    private float[] Gaussian(float sigma)
    {
        float[] values = new float[Dimension];
        for (int i = 0; i < values.Length; i++)
        {
            // Box-Muller: two uniform draws give one standard normal value.
            double u = 1 - _random.NextDouble();
            double v = _random.NextDouble();
            values[i] = sigma * (float)(Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v));
        }

        return values;
    }
}
