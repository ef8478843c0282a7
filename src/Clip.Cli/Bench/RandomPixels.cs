namespace Clip.Cli.Bench;

/// <summary>Pre-made image-encoder input: random values in the range a normalised photo takes.</summary>
internal static class RandomPixels
{
    // (0 - mean) / std and (1 - mean) / std of CLIP's normalisation span about -1.8 to 2.1.
    private const float Low = -1.8f;
    private const float High = 2.1f;

    public static float[] Create(int images, int valuesPerImage, int seed = 1)
    {
        var random = new Random(seed);
        float[] values = new float[checked(images * valuesPerImage)];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Low + (High - Low) * random.NextSingle();
        }

        return values;
    }
}
