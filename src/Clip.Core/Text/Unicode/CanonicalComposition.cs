using System.Collections.Frozen;
using System.Text;

namespace Clip.Core.Text.Unicode;

/// <summary>
/// The three steps of canonical normalization on code points: full canonical decomposition, canonical ordering of
/// combining marks, and canonical composition (Unicode 14.0 data).
/// </summary>
internal static class CanonicalComposition
{
    private static readonly FrozenDictionary<int, string> Decompositions = NfcTables.DecompositionCodes
        .Zip(NfcTables.DecompositionValues)
        .ToFrozenDictionary(pair => pair.First, pair => pair.Second);

    private static readonly FrozenDictionary<long, int> Compositions = BuildCompositions();

    /// <summary>Appends the full canonical decomposition of <paramref name="text"/>.</summary>
    public static void Decompose(ReadOnlySpan<char> text, List<int> output)
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

    /// <summary>Sorts each run of non-starters by combining class, keeping equal classes in order.</summary>
    public static void SortCanonically(List<int> codePoints)
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

    /// <summary>Composes starters with the marks that follow them, unless another mark blocks.</summary>
    public static void Compose(List<int> codePoints)
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
