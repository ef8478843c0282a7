namespace Clip.Core.Tests.Imaging.Preprocessing;

/// <summary>
/// A plain, independent model of the reference's 8-bit bicubic resize: whole output axes, no windowing, no
/// vectors, no caching. Slow, but easy to check against the algorithm's description line by line.
/// </summary>
internal static class NaiveBicubicModel
{
    /// <summary>Resizes along x: every output column of every row.</summary>
    public static byte[] Horizontal(byte[] pixels, int width, int height, int channels, int outWidth)
    {
        (int[] starts, int[][] weights) = Weights(width, outWidth);
        var result = new byte[outWidth * height * channels];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < outWidth; x++)
            {
                for (int c = 0; c < channels; c++)
                {
                    int sum = 1 << 21;
                    for (int t = 0; t < weights[x].Length; t++)
                    {
                        sum += pixels[(((y * width) + starts[x] + t) * channels) + c] * weights[x][t];
                    }

                    result[(((y * outWidth) + x) * channels) + c] = (byte)Math.Clamp(sum >> 22, 0, 255);
                }
            }
        }

        return result;
    }

    /// <summary>Resizes along y: every output row.</summary>
    public static byte[] Vertical(byte[] pixels, int width, int height, int channels, int outHeight)
    {
        (int[] starts, int[][] weights) = Weights(height, outHeight);
        int rowLength = width * channels;
        var result = new byte[outHeight * rowLength];
        for (int y = 0; y < outHeight; y++)
        {
            for (int x = 0; x < rowLength; x++)
            {
                int sum = 1 << 21;
                for (int t = 0; t < weights[y].Length; t++)
                {
                    sum += pixels[((starts[y] + t) * rowLength) + x] * weights[y][t];
                }

                result[(y * rowLength) + x] = (byte)Math.Clamp(sum >> 22, 0, 255);
            }
        }

        return result;
    }

    /// <summary>Keeps columns [left, left + count) of every row.</summary>
    public static byte[] CropColumns(byte[] pixels, int width, int height, int channels, int left, int count)
    {
        var result = new byte[count * height * channels];
        for (int y = 0; y < height; y++)
        {
            Array.Copy(pixels, ((y * width) + left) * channels, result, y * count * channels, count * channels);
        }

        return result;
    }

    private static (int[] Starts, int[][] Weights) Weights(int inSize, int outSize)
    {
        double scale = (double)inSize / outSize;
        double stretch = Math.Max(scale, 1.0);
        double support = 2.0 * stretch;
        var starts = new int[outSize];
        var weights = new int[outSize][];
        for (int i = 0; i < outSize; i++)
        {
            double centre = (i + 0.5) * scale;
            int low = Math.Max(0, (int)(centre - support + 0.5));
            int high = Math.Min(inSize, (int)(centre + support + 0.5));
            double[] w = Enumerable.Range(low, high - low)
                .Select(j => Cubic((j - centre + 0.5) * (1.0 / stretch)))
                .ToArray();
            double total = w.Sum();
            starts[i] = low;
            weights[i] = w.Select(v => (int)Math.Round(v / total * (1 << 22), MidpointRounding.AwayFromZero)).ToArray();
        }

        return (starts, weights);
    }

    private static double Cubic(double x)
    {
        const double A = -0.5;
        x = Math.Abs(x);
        return x < 1 ? ((A + 2) * x * x * x) - ((A + 3) * x * x) + 1
            : x < 2 ? (A * x * x * x) - (5 * A * x * x) + (8 * A * x) - (4 * A)
            : 0;
    }
}
