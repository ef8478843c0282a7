using Clip.Core.Imaging;

namespace Clip.Core.Tests.Imaging.Decoding;

/// <summary>Differences between two same-sized images of the same layout.</summary>
internal static class PixelComparison
{
    public static int MaxAbsDifference(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        Assert.Equal(a.Length, b.Length);
        int max = 0;
        for (int i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
    }

    public static double MeanAbsDifference(DecodedImage a, DecodedImage b)
    {
        Assert.Equal((a.Width, a.Height, a.Layout), (b.Width, b.Height, b.Layout));
        return MeanAbsDifference(a.Pixels, b.Pixels);
    }

    public static double MeanAbsDifference(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Assert.Equal(left.Length, right.Length);
        long total = 0;
        for (int i = 0; i < left.Length; i++)
        {
            total += Math.Abs(left[i] - right[i]);
        }

        return (double)total / left.Length;
    }
}
