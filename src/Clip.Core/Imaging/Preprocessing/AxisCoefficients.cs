namespace Clip.Core.Imaging.Preprocessing;

/// <summary>
/// Bicubic weights along one axis for a run of consecutive output samples of an <c>inputSize</c> to
/// <c>outputSize</c> resize, computed as the reference (Pillow 9.4) computes them. Each output sample depends only
/// on its own window of inputs, so a run gives the same values as the full table.
/// </summary>
internal sealed class AxisCoefficients
{
    /// <summary>Fractional bits of the fixed-point weights: 32 less 8 for the sample and 2 for overshoot.</summary>
    public const int PrecisionBits = 22;

    private AxisCoefficients(int count, int stride)
    {
        Count = count;
        Stride = stride;
        Starts = new int[count];
        Lengths = new int[count];
        Weights = new double[count * stride];
        FixedWeights = new int[count * stride];
    }

    /// <summary>Number of output samples described.</summary>
    public int Count { get; }

    /// <summary>Distance between the weight lists of consecutive outputs; a multiple of 4, zero-padded.</summary>
    public int Stride { get; }

    /// <summary>First input index of each output's window.</summary>
    public int[] Starts { get; }

    /// <summary>Number of inputs in each output's window.</summary>
    public int[] Lengths { get; }

    /// <summary>Normalised weights (summing to 1), used by the 32-bit integer path.</summary>
    public double[] Weights { get; }

    /// <summary>Weights scaled by 2^22 and rounded half away from zero, used by the 8-bit path.</summary>
    public int[] FixedWeights { get; }

    /// <summary>The lowest input index any output reads.</summary>
    public int SourceFirst { get; private set; }

    /// <summary>One past the highest input index any output reads.</summary>
    public int SourceEnd { get; private set; }

    public static AxisCoefficients Compute(int inputSize, int outputSize, int firstOutput, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (firstOutput < 0 || (long)firstOutput + count > outputSize)
        {
            throw new ArgumentOutOfRangeException(nameof(firstOutput), "The run must lie inside the output.");
        }

        // The reference measures the input as a float box edge, then divides in double.
        double scale = (float)inputSize / (double)outputSize;
        double filterScale = Math.Max(scale, 1.0);
        double support = BicubicKernel.Support * filterScale;
        int maxTaps = ((int)Math.Ceiling(support) * 2) + 1;
        var table = new AxisCoefficients(count, (maxTaps + 3) & ~3);

        // Multiplying by the reciprocal (not dividing by the scale) is what the reference does; it matters for ties.
        double inverseScale = 1.0 / filterScale;
        for (int i = 0; i < count; i++)
        {
            double center = (firstOutput + i + 0.5) * scale;
            int start = Math.Max(0, (int)(center - support + 0.5));
            int end = Math.Min(inputSize, (int)(center + support + 0.5));
            table.Fill(i, start, end - start, center, inverseScale);
        }

        table.SourceFirst = table.Starts.Min();
        table.SourceEnd = table.Starts.Zip(table.Lengths, (s, n) => s + n).Max();
        return table;
    }

    private void Fill(int output, int start, int length, double center, double inverseScale)
    {
        Span<double> weights = Weights.AsSpan(output * Stride, length);
        double sum = 0.0;
        for (int t = 0; t < length; t++)
        {
            double w = BicubicKernel.Evaluate((start + t - center + 0.5) * inverseScale);
            weights[t] = w;
            sum += w;
        }

        Span<int> fixedWeights = FixedWeights.AsSpan(output * Stride, length);
        for (int t = 0; t < length; t++)
        {
            if (sum != 0.0)
            {
                weights[t] /= sum;
            }

            double scaled = weights[t] * (1 << PrecisionBits);
            fixedWeights[t] = weights[t] < 0 ? (int)(-0.5 + scaled) : (int)(0.5 + scaled);
        }

        Starts[output] = start;
        Lengths[output] = length;
    }
}
