namespace Clip.Core.Text.Unicode;

/// <summary>Canonical combining class of a code point (Unicode 14.0).</summary>
internal static class CombiningClass
{
    /// <summary>The class, 0 for starters.</summary>
    public static int Of(int codePoint)
    {
        ReadOnlySpan<int> runs = NfcTables.CombiningClassRuns;
        if (codePoint < runs[0])
        {
            return 0;
        }

        int low = 0;
        int high = (runs.Length / 3) - 1;
        while (low <= high)
        {
            int middle = (low + high) >>> 1;
            if (codePoint < runs[3 * middle])
            {
                high = middle - 1;
            }
            else if (codePoint > runs[(3 * middle) + 1])
            {
                low = middle + 1;
            }
            else
            {
                return runs[(3 * middle) + 2];
            }
        }

        return 0;
    }
}
