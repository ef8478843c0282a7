namespace Clip.Core.Text.Cleaning;

/// <summary>
/// The character classes of ftfy 6.3.1's mojibake heuristic: the few hundred characters that appear when UTF-8 is
/// decoded with a single-byte encoding, grouped by how suspicious they are. Ranges are written "first-last" so the
/// strings can go straight into regular expression character classes.
/// </summary>
internal static class MojibakeCharacterClasses
{
    /// <summary>Characters that appear in many contexts and are not mojibake by themselves.</summary>
    public const string Common = "\u00A0\u00AD\u00B7\u00B4\u2013\u2014\u2015\u2026\u2019";

    /// <summary>The C1 control range, which has no use outside mojibake.</summary>
    public const string C1Controls = "\u0080-\u009F";

    /// <summary>Characters that nearly only appear in mojibake.</summary>
    public const string Bad =
        "\u00A6\u00A4\u00A8\u00AC\u00AF\u00B8\u0192\u02C6\u02C7\u02D8\u02DB\u02DC\u2020\u2021\u2030\u2310"
        + "\u25CA\uFFFD\u00AA\u00BA";

    /// <summary>Pilcrow and section signs.</summary>
    public const string Law = "\u00B6\u00A7";

    /// <summary>Currency signs of the single-byte encodings.</summary>
    public const string Currency = "\u00A2\u00A3\u00A5\u20A7\u20AC";

    /// <summary>Punctuation that opens a phrase, and the private-use Apple logo.</summary>
    public const string StartPunctuation =
        "\u00A1\u00AB\u00BF\u00A9\u0384\u0385\u2018\u201A\u201C\u201E\u2022\u2039\uF8FF";

    /// <summary>Punctuation that closes a phrase.</summary>
    public const string EndPunctuation = "\u00AE\u00BB\u02DD\u201D\u203A\u2122";

    /// <summary>Digits-like and mathematical signs.</summary>
    public const string Numeric =
        "\u00B2\u00B3\u00B9\u00B1\u00BC\u00BD\u00BE\u00D7\u00B5\u00F7\u2044\u2202\u2206\u220F\u2211\u221A"
        + "\u221E\u2229\u222B\u2248\u2260\u2261\u2264\u2265\u2116";

    /// <summary>Letters that emoticons are drawn with, so they get more lenient treatment.</summary>
    public const string Kaomoji = "\u00D2-\u00D6\u00D9-\u00DC\u00F2-\u00F6\u00F8-\u00FC\u0150\u014C\u016A\u0172\u00B0";

    /// <summary>Accented capitals that mojibake produces (not the O's and U's of emoticons).</summary>
    public const string UpperAccented =
        "\u00C0-\u00D1\u00D8\u00DC\u00DD\u0102\u0100\u0104\u0106\u010C\u010E\u0110\u0118\u011A\u0112"
        + "\u0116\u011E\u0122\u0130\u012A\u0136\u0139\u013D\u0141\u013B\u0143\u0147\u0145\u0152\u0158\u015A"
        + "\u015E\u0160\u0162\u0164\u016E\u0170\u0178\u0179\u017B\u017D\u0490";

    /// <summary>Accented small letters that mojibake produces (not the o's and u's of emoticons).</summary>
    public const string LowerAccented =
        "\u00DF\u00E0-\u00F1\u0103\u0105\u0101\u0107\u010D\u010F\u0111\u0119\u011B\u0113\u0117\u011F"
        + "\u0123\u012F\u012B\u0137\u013A\u013E\u0142\u013C\u0153\u0155\u015B\u015F\u0161\u0165\u00FC\u017A"
        + "\u017C\u017E\u0491\uFB01\uFB02";

    /// <summary>Thorn and the Greek and Cyrillic capitals.</summary>
    public const string UpperCommon =
        "\u00DE\u0391-\u03A9\u0386\u0388\u0389\u038A\u038C\u038E\u038F\u03AA\u03AB\u0401-\u042F";

    /// <summary>The Greek and Cyrillic small letters.</summary>
    public const string LowerCommon = "\u03B1-\u03C9\u03AC\u03AD\u03AE\u03AF\u03B0\u0430-\u045F";

    /// <summary>Box drawing and block characters (not the single horizontal line of emoticons).</summary>
    public const string Box =
        "\u2502\u250C\u2510\u2518\u251C\u2524\u252C\u253C\u2550-\u256C\u2580\u2584\u2588\u258C\u2590"
        + "\u2591\u2592\u2593";
}
