using System.Buffers;
using System.Collections.Frozen;
using System.Text;

namespace Clip.Core.Text.Cleaning;

/// <summary>Replaces single UTF-16 code units by strings (empty deletes), like Python's <c>str.translate</c>.</summary>
internal sealed class CharacterMap
{
    private readonly FrozenDictionary<char, string> _replacements;
    private readonly SearchValues<char> _keys;

    /// <summary>Creates a map from each character to its replacement.</summary>
    public CharacterMap(IEnumerable<KeyValuePair<char, string>> replacements)
    {
        _replacements = replacements.ToFrozenDictionary();
        _keys = SearchValues.Create(string.Concat(_replacements.Keys));
    }

    /// <summary>The translated text; the same instance when no character of the map occurs.</summary>
    public string Apply(string text)
    {
        int next = text.AsSpan().IndexOfAny(_keys);
        if (next < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        int copied = 0;
        while (next >= 0)
        {
            int position = copied + next;
            builder.Append(text, copied, position - copied).Append(_replacements[text[position]]);
            copied = position + 1;
            next = text.AsSpan(copied).IndexOfAny(_keys);
        }

        return builder.Append(text, copied, text.Length - copied).ToString();
    }
}
