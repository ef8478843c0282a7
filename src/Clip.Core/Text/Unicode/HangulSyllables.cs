namespace Clip.Core.Text.Unicode;

/// <summary>The algorithmic canonical decomposition and composition of Hangul syllables (Unicode 3.12).</summary>
internal static class HangulSyllables
{
    private const int SyllableBase = 0xAC00;
    private const int LeadingBase = 0x1100;
    private const int VowelBase = 0x1161;
    private const int TrailingBase = 0x11A7;
    private const int LeadingCount = 19;
    private const int VowelCount = 21;
    private const int TrailingCount = 28;
    private const int SyllablesPerLeading = VowelCount * TrailingCount;
    private const int SyllableCount = LeadingCount * SyllablesPerLeading;

    /// <summary>True for a precomposed syllable U+AC00..U+D7A3.</summary>
    public static bool IsSyllable(int codePoint) => (uint)(codePoint - SyllableBase) < SyllableCount;

    /// <summary>Appends the two or three conjoining jamo of a syllable.</summary>
    public static void Decompose(int syllable, List<int> output)
    {
        int index = syllable - SyllableBase;
        output.Add(LeadingBase + (index / SyllablesPerLeading));
        output.Add(VowelBase + (index % SyllablesPerLeading / TrailingCount));
        int trailing = index % TrailingCount;
        if (trailing != 0)
        {
            output.Add(TrailingBase + trailing);
        }
    }

    /// <summary>Composes leading + vowel jamo, or an LV syllable + trailing jamo.</summary>
    public static bool TryCompose(int first, int second, out int composite)
    {
        int leading = first - LeadingBase;
        int vowel = second - VowelBase;
        if ((uint)leading < LeadingCount && (uint)vowel < VowelCount)
        {
            composite = SyllableBase + (((leading * VowelCount) + vowel) * TrailingCount);
            return true;
        }

        int syllable = first - SyllableBase;
        int trailing = second - TrailingBase;
        if ((uint)syllable < SyllableCount && syllable % TrailingCount == 0 && trailing is > 0 and < TrailingCount)
        {
            composite = first + trailing;
            return true;
        }

        composite = 0;
        return false;
    }
}
