using System.Collections.Frozen;
using System.Text;

namespace Clip.Core.Text.Unicode;

/// <summary>
/// Unicode normalization form C with CPython's Unicode 14.0 data. .NET's <see cref="string.Normalize()"/> cannot
/// stand in: it is a no-op under invariant globalization and otherwise follows the ICU version of the host.
/// </summary>
internal static class NfcNormalizer
{
    private static readonly FrozenDictionary<int, string> Decompositions = NfcTables.DecompositionCodes
        .Zip(NfcTables.DecompositionValues)
        .ToFrozenDictionary(pair => pair.First, pair => pair.Second);

    private static readonly FrozenDictionary<long, int> Compositions = BuildCompositions();

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
        Decompose(text.AsSpan(restart), codePoints);
        SortCanonically(codePoints);
        Compose(codePoints);

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

    private static void Decompose(ReadOnlySpan<char> text, List<int> output)
    {
        while (!text.IsEmpty)
        {
            Rune.DecodeFromUtf16(text, out Rune rune, out int length);
            text = text[length..];
            if (HangulSyllables.IsSyllable(rune.Value))
            {
                HangulSyllables.Decompose(rune.Value, output);
            }
            else if (Decompositions.TryGetValue(rune.Value, out string? decomposition))
            {
                foreach (Rune part in decomposition.EnumerateRunes())
                {
                    output.Add(part.Value);
                }
            }
            else
            {
                output.Add(rune.Value);
            }
        }
    }

    // Stable insertion sort of each run of non-starters by combining class (the canonical ordering algorithm).
    private static void SortCanonically(List<int> codePoints)
    {
        for (int index = 1; index < codePoints.Count; index++)
        {
            int current = codePoints[index];
            int currentClass = CombiningClass.Of(current);
            if (currentClass == 0)
            {
                continue;
            }

            int position = index;
            while (position > 0 && CombiningClass.Of(codePoints[position - 1]) > currentClass)
            {
                codePoints[position] = codePoints[position - 1];
                position--;
            }

            codePoints[position] = current;
        }
    }

    private static void Compose(List<int> codePoints)
    {
        int write = 0;
        int starter = -1;
        int lastClass = 0;
        foreach (int codePoint in codePoints.ToArray())
        {
            int combiningClass = CombiningClass.Of(codePoint);
            bool adjacent = starter == write - 1;
            bool blocked = !adjacent && (lastClass == 0 || lastClass >= combiningClass);
            if (starter >= 0 && !blocked && TryCompose(codePoints[starter], codePoint, out int composite))
            {
                codePoints[starter] = composite;
                continue;
            }

            if (combiningClass == 0)
            {
                starter = write;
            }

            lastClass = combiningClass;
            codePoints[write++] = codePoint;
        }

        codePoints.RemoveRange(write, codePoints.Count - write);
    }

    private static bool TryCompose(int first, int second, out int composite) =>
        HangulSyllables.TryCompose(first, second, out composite)
        || Compositions.TryGetValue(Key(first, second), out composite);

    private static long Key(int first, int second) => ((long)first << 21) | (uint)second;

    private static FrozenDictionary<long, int> BuildCompositions()
    {
        int[] triples = NfcTables.Compositions;
        var map = new Dictionary<long, int>(triples.Length / 3);
        for (int index = 0; index < triples.Length; index += 3)
        {
            map[Key(triples[index], triples[index + 1])] = triples[index + 2];
        }

        return map.ToFrozenDictionary();
    }
}
