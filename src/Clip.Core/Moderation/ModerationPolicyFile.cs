using System.Text.Json;
using Clip.Core.ZeroShot;

namespace Clip.Core.Moderation;

/// <summary>
/// Reads moderation policies from JSON:
/// <code>
/// {
///   "name": "hateful-memes",
///   "description": "free text for readers; ignored",
///   "positive": ["a hateful meme", "..."],
///   "negative": ["a harmless meme", "..."],
///   "templates": ["a meme that is {}."],
///   "thresholds": { "flag": 0.8, "review": 0.5 },
///   "use_image_text": true,
///   "text_weight": 0.5
/// }
/// </code>
/// <c>name</c>, <c>positive</c>, <c>negative</c> and <c>thresholds.flag</c> are required. Without
/// <c>templates</c> the entries of <c>positive</c> and <c>negative</c> are the prompts; with it, each entry is put
/// into every template in place of <c>{}</c>. <c>review</c> defaults to <c>flag</c> (no review band),
/// <c>use_image_text</c> to false and <c>text_weight</c> to <see cref="ModerationPolicy.DefaultTextWeight"/>.
/// Unknown keys are errors, so a misspelt key cannot silently fall back to a default.
/// </summary>
public static class ModerationPolicyFile
{
    private static readonly string[] Keys =
        ["name", "description", "positive", "negative", "templates", "thresholds", "use_image_text", "text_weight"];

    /// <summary>
    /// Loads the policy at <paramref name="path"/>. Throws <see cref="FileNotFoundException"/> for a missing file
    /// and <see cref="FormatException"/> naming the file and the key for anything wrong inside.
    /// </summary>
    public static ModerationPolicy Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The moderation policy file '{path}' does not exist.", path);
        }

        if (Path.GetExtension(path).ToLowerInvariant() is ".yaml" or ".yml")
        {
            throw new FormatException($"Moderation policies are JSON files; write '{path}' as JSON.");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses policy JSON; <paramref name="source"/> names it in error messages.</summary>
    public static ModerationPolicy Parse(string json, string source = "policy")
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new FormatException($"The moderation policy '{source}' is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            try
            {
                return Read(new JsonObjectReader(document.RootElement, source));
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"The moderation policy '{source}' is unusable: {e.Message}", e);
            }
        }
    }

    private static ModerationPolicy Read(JsonObjectReader root)
    {
        root.RejectUnknown(Keys);
        IReadOnlyList<string> positive = root.StringList("positive");
        IReadOnlyList<string> negative = root.StringList("negative");
        if (root.OptionalStringList("templates") is { } lines)
        {
            PromptTemplates templates = PromptTemplates.FromLines(lines, $"{root.Source} templates");
            positive = [.. positive.SelectMany(templates.Apply)];
            negative = [.. negative.SelectMany(templates.Apply)];
        }

        JsonObjectReader thresholds = root.Object("thresholds");
        thresholds.RejectUnknown(["flag", "review"]);
        float flag = thresholds.Number("flag");
        return new ModerationPolicy(
            root.String("name"),
            positive,
            negative,
            flag,
            thresholds.OptionalNumber("review") ?? flag,
            root.OptionalBoolean("use_image_text") ?? false,
            root.OptionalNumber("text_weight") ?? ModerationPolicy.DefaultTextWeight);
    }
}
