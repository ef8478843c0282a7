using System.Buffers;
using System.Text.RegularExpressions;
using static Clip.Core.Text.Cleaning.MojibakeCharacterClasses;

namespace Clip.Core.Text.Cleaning;

/// <summary>
/// ftfy's <c>is_bad</c>: whether text contains a sequence of characters that is far more likely to be mojibake than
/// intended, such as an accented small letter followed by a currency sign.
/// </summary>
internal static class MojibakeHeuristic
{
    // CPython's \s and \w for str patterns, which differ from .NET's.
    private const string PythonSpace =
        @"[\t\n\v\f\r\x1C-\x20\x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]";
    private const string PythonWord = @"[\p{L}\p{N}_]";

    private static readonly Regex BadSequence = new(
        string.Join('|', Alternatives()),
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    // Every alternative needs at least one non-ASCII character named in it, so text without any of them is fine.
    private static readonly SearchValues<char> Suspects = SearchValues.Create(NonAsciiCharacters(Alternatives()));

    /// <summary>True when <paramref name="text"/> looks like it contains mojibake.</summary>
    public static bool IsBad(string text) =>
        text.AsSpan().ContainsAny(Suspects) && BadSequence.IsMatch(text);

    private static string[] Alternatives()
    {
        const string ArabicFollower = Common + Currency + Bad + Numeric + StartPunctuation
            + "\u0178\u0160\u00AE\u00B0\u00B5\u00BB";
        return
        [
            $"[{C1Controls}]",
            $"[{Bad}{LowerAccented}{UpperAccented}{Box}{StartPunctuation}{EndPunctuation}{Currency}{Numeric}{Law}]"
                + $"[{Bad}]",
            $"[a-zA-Z][{LowerCommon}{UpperCommon}][{Bad}]",
            $"[{Bad}][{LowerAccented}{UpperAccented}{Box}{StartPunctuation}{EndPunctuation}{Currency}{Numeric}{Law}]",
            $"[{LowerAccented}{LowerCommon}{Box}{EndPunctuation}{Currency}{Numeric}][{UpperAccented}]",
            $"[{Box}{EndPunctuation}{Currency}{Numeric}][{LowerAccented}]",
            $"[{LowerAccented}{Box}{EndPunctuation}][{Currency}]",
            $"{PythonSpace}[{UpperAccented}][{Currency}]",
            $"[{UpperAccented}{Box}][{Numeric}{Law}]",
            $"[{LowerAccented}{UpperAccented}{Box}{Currency}{EndPunctuation}][{StartPunctuation}][{Numeric}]",
            $"[{LowerAccented}{UpperAccented}{Currency}{Numeric}{Box}{Law}][{EndPunctuation}][{StartPunctuation}]",
            $"[{Currency}{Numeric}{Box}][{StartPunctuation}]",
            $"[a-z][{UpperAccented}][{StartPunctuation}{Currency}]",
            $"[{Box}][{Kaomoji}]",
            $"[{LowerAccented}{UpperAccented}{Currency}{Numeric}{StartPunctuation}{EndPunctuation}{Law}][{Box}]",
            $"[{Box}][{EndPunctuation}]",
            $"[{LowerAccented}{UpperAccented}][{StartPunctuation}{EndPunctuation}]{PythonWord}",
            "[\u0152\u0153][^A-Za-z]",
            $"[{UpperAccented}]\u00B0",
            "[\u00C2\u00C3\u00CE\u00D0][\u20AC\u0153\u0160\u0161\u00A2\u00A3\u0178\u017E\u00A0\u00AD\u00AE\u00A9\u00B0"
                + $"\u00B7\u00BB{StartPunctuation}{EndPunctuation}\u2013\u2014\u00B4]",
            "\u00D7[\u00B2\u00B3]",
            $"[\u00D8\u00D9][{ArabicFollower}][\u00D8\u00D9][{ArabicFollower}]",
            "\u00E0[\u00B2\u00B5\u00B9\u00BC\u00BD\u00BE]",
            "\u221A[\u00B1\u2202\u2020\u2260\u00AE\u2122\u00B4\u2264\u2265\u00A5\u00B5\u00F8]",
            "\u2248[\u00B0\u00A2]",
            "\u201A\u00C4[\u00EC\u00EE\u00EF\u00F2\u00F4\u00FA\u00F9\u00FB\u2020\u00B0\u00A2\u03C0]",
            "\u201A[\u00E2\u00F3][\u00E0\u00E4\u00B0\u00EA]",
            "\u0432\u0402",
            $"[\u0412\u0413\u0420\u0421][{C1Controls}{Bad}{StartPunctuation}{EndPunctuation}{Currency}\u00B0\u00B5]"
                + "[\u0412\u0413\u0420\u0421]",
            "\u0413\u045E\u0412\u0402\u0412.[A-Za-z ]",
            "\u00C3[\u00A0\u00A1]",
            $"[a-z]{PythonSpace}?[\u00C3\u00C2] ",
            "^[\u00C3\u00C2] ",
            $"[a-z.,?!{EndPunctuation}]\u00C2[ {StartPunctuation}{EndPunctuation}]",
            "\u03B2\u20AC[\u2122\u00A0\u0386\u00AD\u00AE\u00B0]",
            $"[\u0392\u0393\u039E\u039F][{C1Controls}{Bad}{StartPunctuation}{EndPunctuation}{Currency}\u00B0]"
                + "[\u0392\u0393\u039E\u039F]",
            "\u0101\u20AC",
        ];
    }

    // The literal non-ASCII characters of the patterns, with "first-last" ranges expanded.
    private static string NonAsciiCharacters(IEnumerable<string> patterns)
    {
        var found = new HashSet<char>();
        foreach (string pattern in patterns)
        {
            for (int index = 0; index < pattern.Length; index++)
            {
                char c = pattern[index];
                if (c < 0x80)
                {
                    continue;
                }

                char last = c;
                if (index + 2 < pattern.Length && pattern[index + 1] == '-' && pattern[index + 2] >= 0x80)
                {
                    last = pattern[index + 2];
                    index += 2;
                }

                for (int member = c; member <= last; member++)
                {
                    found.Add((char)member);
                }
            }
        }

        return string.Concat(found);
    }
}
