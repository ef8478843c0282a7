using System.Collections.Frozen;
using System.Text;

namespace Clip.Core.Text.Unicode;

/// <summary>
/// CPython's <c>str.lower()</c>: full case mapping per code point (U+0130 becomes "i" + U+0307) and the final-sigma
/// rule for U+03A3, with the Unicode 14.0 data the reference tokenizer ran with.
/// </summary>
internal static class PythonLowerCase
{
    private const int CapitalSigma = 0x3A3;
    private const char SmallSigma = '\u03C3';
    private const char FinalSigma = '\u03C2';

    private static readonly FrozenDictionary<int, string> Mapping = PythonCaseTables.LowerCodes
        .Zip(PythonCaseTables.LowerValues)
        .ToFrozenDictionary(pair => pair.First, pair => pair.Second);

    /// <summary>Lower-cases <paramref name="text"/>; returns the same instance when nothing changes.</summary>
    public static string ToLower(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text.AsSpan().IndexOfAnyInRange('A', 'Z') < 0
                ? text
                : string.Create(text.Length, text, static (span, source) => Ascii.ToLower(source, span, out _));
        }

        var builder = new StringBuilder(text.Length + 8);
        bool changed = false;
        for (int index = 0; index < text.Length;)
        {
            Rune rune = Rune.GetRuneAt(text, index);
            if (rune.Value == CapitalSigma)
            {
                builder.Append(IsFinalSigma(text, index) ? FinalSigma : SmallSigma);
                changed = true;
            }
            else if (Mapping.TryGetValue(rune.Value, out string? lowered))
            {
                builder.Append(lowered);
                changed = true;
            }
            else
            {
                builder.Append(text, index, rune.Utf16SequenceLength);
            }

            index += rune.Utf16SequenceLength;
        }

        return changed ? builder.ToString() : text;
    }

    // A capital sigma is final when a cased letter precedes it and none follows, skipping case-ignorable code
    // points on both sides (CPython's handle_capital_sigma).
    private static bool IsFinalSigma(string text, int sigmaIndex)
    {
        int before = sigmaIndex;
        int previous = -1;
        while (before > 0)
        {
            Rune.DecodeLastFromUtf16(text.AsSpan(0, before), out Rune rune, out int length);
            before -= length;
            if (!IsCaseIgnorable(rune.Value))
            {
                previous = rune.Value;
                break;
            }
        }

        if (previous < 0 || !IsCased(previous))
        {
            return false;
        }

        for (int after = sigmaIndex + 1; after < text.Length;)
        {
            Rune.DecodeFromUtf16(text.AsSpan(after), out Rune rune, out int length);
            after += length;
            if (!IsCaseIgnorable(rune.Value))
            {
                return !IsCased(rune.Value);
            }
        }

        return true;
    }

    private static bool IsCaseIgnorable(int codePoint) =>
        CodePointRanges.Contains(PythonCaseTables.CaseIgnorableRanges, codePoint);

    private static bool IsCased(int codePoint) => CodePointRanges.Contains(PythonCaseTables.CasedRanges, codePoint);
}
