using System.Collections.Frozen;

namespace Clip.Core.Text.Cleaning;

/// <summary>Entity and character reference lookups shared by CPython's <c>html.unescape</c> and ftfy.</summary>
internal static class HtmlEntities
{
    private const int MaxCodePoint = 0x10FFFF;

    private static readonly FrozenDictionary<int, string> ReplacedReferences = HtmlEntityTables.ReplacedReferenceCodes
        .Zip(HtmlEntityTables.ReplacedReferenceValues)
        .ToFrozenDictionary(pair => pair.First, pair => pair.Second);

    private static readonly FrozenSet<int> DroppedReferences = HtmlEntityTables.DroppedReferenceCodes.ToFrozenSet();

    /// <summary>HTML5 names, with or without ';' as the table has them (e.g. "amp;" and "amp").</summary>
    public static FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Html5 { get; } =
        HtmlEntityTables.Html5Names.Zip(HtmlEntityTables.Html5Values)
            .ToFrozenDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The names ftfy decodes, all ending in ';': the HTML5 names that have one, and all-caps spellings of
    /// lower-case names that mean nothing else in HTML5 ("EACUTE;" gives "É").
    /// </summary>
    public static FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> FtfyNames { get; } =
        HtmlEntityTables.Html5Names.Zip(HtmlEntityTables.Html5Values)
            .Where(pair => pair.First.EndsWith(';'))
            .Concat(HtmlEntityTables.UpperCaseNames.Zip(HtmlEntityTables.UpperCaseValues))
            .ToFrozenDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The text of a numeric character reference given its ASCII digits: windows-1252 for 0x80-0x9F, U+FFFD for
    /// NUL, surrogates and values past U+10FFFF, nothing for other controls and non-characters.
    /// </summary>
    public static string DecodeNumericReference(ReadOnlySpan<char> digits, int radix)
    {
        int value = 0;
        foreach (char digit in digits)
        {
            // Saturate: any value past the last code point decodes the same way.
            value = Math.Min((value * radix) + HexValue(digit), MaxCodePoint + 1);
        }

        if (ReplacedReferences.TryGetValue(value, out string? replaced))
        {
            return replaced;
        }

        if (value is > MaxCodePoint or (>= 0xD800 and <= 0xDFFF))
        {
            return "\uFFFD";
        }

        return DroppedReferences.Contains(value) ? string.Empty : char.ConvertFromUtf32(value);
    }

    private static int HexValue(char digit) => digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10;
}
