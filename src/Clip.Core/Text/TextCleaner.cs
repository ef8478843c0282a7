using System.Text;
using Clip.Core.Text.Cleaning;
using Clip.Core.Text.Unicode;

namespace Clip.Core.Text;

/// <summary>
/// The text cleaning of CLIP's reference tokenizer, in its order: ftfy's <c>fix_text</c> (6.3.1 defaults), CPython's
/// <c>html.unescape</c> twice, <c>str.strip()</c>, each whitespace run to one space, <c>str.strip()</c> again and
/// <c>str.lower()</c>. The result is exactly the string the reference splits into words.
/// </summary>
public static class TextCleaner
{
    /// <summary>Cleans <paramref name="text"/> (see the type's summary).</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        string fixedText = FtfyTextFixer.FixText(text);
        string unescaped = PythonHtmlUnescaper.Unescape(PythonHtmlUnescaper.Unescape(fixedText));
        string collapsed = CollapseWhitespace(PythonWhitespace.Strip(unescaped));
        return PythonLowerCase.ToLower(PythonWhitespace.Strip(collapsed));
    }

    // The reference's re.sub(r'\s+', ' ', text) with the regex module's \s.
    private static string CollapseWhitespace(string text)
    {
        if (!NeedsCollapsing(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        bool inRun = false;
        foreach (char c in text)
        {
            bool space = PythonWhitespace.IsRegexSpace(c);
            if (!space)
            {
                builder.Append(c);
            }
            else if (!inRun)
            {
                builder.Append(' ');
            }

            inRun = space;
        }

        return builder.ToString();
    }

    private static bool NeedsCollapsing(string text)
    {
        bool previousSpace = false;
        foreach (char c in text)
        {
            bool space = PythonWhitespace.IsRegexSpace(c);
            if (space && (c != ' ' || previousSpace))
            {
                return true;
            }

            previousSpace = space;
        }

        return false;
    }
}
