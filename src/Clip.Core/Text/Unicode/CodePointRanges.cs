namespace Clip.Core.Text.Unicode;

/// <summary>Membership in sorted, inclusive code point ranges stored flat as [first0, last0, first1, ...].</summary>
internal static class CodePointRanges
{
    /// <summary>True when <paramref name="codePoint"/> lies in one of the ranges.</summary>
    public static bool Contains(ReadOnlySpan<int> flatRanges, int codePoint)
    {
        int low = 0;
        int high = (flatRanges.Length / 2) - 1;
        while (low <= high)
        {
            int middle = (low + high) >>> 1;
            if (codePoint < flatRanges[2 * middle])
            {
                high = middle - 1;
            }
            else if (codePoint > flatRanges[(2 * middle) + 1])
            {
                low = middle + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }
}
