namespace Clip.Core.Imaging.Preprocessing;

/// <summary>
/// Source indices of a nearest-neighbour resize, as the reference computes them for palette and 1-bit images.
/// </summary>
internal static class NearestIndices
{
    /// <summary>Fills <paramref name="indices"/> with the source indices of outputs firstOutput on.</summary>
    public static void Compute(int inputSize, int outputSize, int firstOutput, Span<int> indices)
    {
        // The reference adds the step to a running double for every output (it never computes (i + 0.5) * step),
        // and the accumulated rounding moves some indices, so the sum is replayed from output 0.
        double step = (float)inputSize / (double)outputSize;
        double position = step * 0.5;
        for (int i = 0; i < firstOutput; i++)
        {
            position += step;
        }

        for (int i = 0; i < indices.Length; i++)
        {
            indices[i] = Math.Clamp((int)position, 0, inputSize - 1);
            position += step;
        }
    }
}
