using System.Text;

namespace Clip.Core.Text.Unicode;

/// <summary>
/// Unicode normalization form C with CPython's Unicode 14.0 data. .NET's <see cref="string.Normalize()"/> cannot
/// stand in: it is a no-op under invariant globalization and otherwise follows the ICU version of the host.
/// </summary>
internal static class NfcNormalizer
{
    /// <summary>The NFC form of <paramref name="text"/>; the same instance when it is already in NFC.</summary>
    public static string Normalize(string text)
    {
        int first = IndexOfFirstNotQuickYes(text);
        if (first < 0)
        {
            return text;
        }

        // Everything before `first` is a starter that nothing can reorder; only the last one may compose with what
        // follows, so normalization can restart there.
        int restart = first == 0 ? 0 : first - (char.IsLowSurrogate(text[first - 1]) && first >= 2 ? 2 : 1);
        var codePoints = new List<int>(text.Length - restart + 8);
        CanonicalComposition.Decompose(text.AsSpan(restart), codePoints);
        CanonicalComposition.SortCanonically(codePoints);
        CanonicalComposition.Compose(codePoints);

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, restart);
        Span<char> units = stackalloc char[2];
        foreach (int codePoint in codePoints)
        {
            int written = new Rune(codePoint).EncodeToUtf16(units);
            builder.Append(units[..written]);
        }

        string result = builder.ToString();
        return result == text ? text : result;
    }

    private static int IndexOfFirstNotQuickYes(string text)
    {
        int threshold = NfcTables.NotQuickYesRanges[0];
        for (int index = 0; index < text.Length; index++)
        {
            if (text[index] < threshold)
            {
                continue;
            }

            Rune.DecodeFromUtf16(text.AsSpan(index), out Rune rune, out int length);
            if (CodePointRanges.Contains(NfcTables.NotQuickYesRanges, rune.Value))
            {
                return index;
            }

            index += length - 1;
        }

        return -1;
    }
}
