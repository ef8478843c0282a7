namespace Clip.Cli.Bench;

/// <summary>
/// Caption-like texts for the tokenizer stage: prompt templates times class names made of common words, and
/// captions whose words are invented and new one by one (what a cold word cache sees on every word).
/// </summary>
internal static class CaptionCorpus
{
    private static readonly string[] Templates =
    [
        "a photo of a {0}.", "a blurry photo of the {0}.", "a close-up photo of a {0}.", "a bright photo of a {0}.",
        "a cropped photo of the {0}.", "a photo of many {0}.", "a black and white photo of the {0}.",
        "a low resolution photo of a {0}.", "a drawing of a {0}.", "a painting of the {0}.", "itap of a {0}.",
        "a good photo of the {0}.", "a sculpture of a {0}.", "a rendering of a {0}.", "a photo of the small {0}.",
        "a photo of the large {0}.", "art of the {0}.", "a tattoo of a {0}.",
    ];

    private static readonly string[] Adjectives =
    [
        "red", "old", "wooden", "striped", "tiny", "broken", "shiny", "wild", "frozen", "green", "rusty", "happy",
        "sleeping", "floating", "golden", "muddy", "empty", "crowded", "ancient", "electric",
    ];

    private static readonly string[] Nouns =
    [
        "cat", "dog", "bicycle", "teapot", "mountain", "harbour", "violin", "tractor", "lighthouse", "parrot",
        "umbrella", "cathedral", "sandwich", "kayak", "microscope", "waterfall", "tortoise", "skyscraper",
        "strawberry", "typewriter", "helicopter", "jellyfish", "accordion", "windmill", "porcupine",
    ];

    private static readonly string[] Syllables =
    [
        "ka", "lo", "ri", "men", "tu", "sa", "vor", "bel", "ni", "dra", "po", "zet",
        "qui", "ham", "ex", "lu", "gor", "fi", "sten", "ba", "wy", "cro", "del", "om",
    ];

    /// <summary>Every template with every adjective-noun class name.</summary>
    public static string[] PromptEnsemble() =>
        (from adjective in Adjectives
         from noun in Nouns
         from template in Templates
         select string.Format(System.Globalization.CultureInfo.InvariantCulture, template, $"{adjective} {noun}"))
        .ToArray();

    /// <summary>
    /// <paramref name="count"/> captions with two invented words each; no word repeats within the first 165,888.
    /// </summary>
    public static string[] NovelCaptions(int count) =>
        Enumerable.Range(0, count)
            .Select(i => $"a photo of the {InventedWord(2 * i)} {InventedWord(2 * i + 1)}, a kind of " +
                $"{Nouns[i % Nouns.Length]}.")
            .ToArray();

    // Four syllables picked by the base-24 digits of the index: 331,776 distinct words.
    private static string InventedWord(int index)
    {
        int n = Syllables.Length;
        return Syllables[index % n] + Syllables[index / n % n] + Syllables[index / n / n % n] +
            Syllables[index / n / n / n % n];
    }
}
