using System.Globalization;
using System.Text.Json;

namespace Clip.Cli.Definitions;

/// <summary>One line that says what a stored definition holds, for <c>clip definitions</c>.</summary>
internal static class DefinitionSummary
{
    private const int NamesShown = 6;

    /// <summary>The kind as a person reads it.</summary>
    public static string Name(DefinitionKind kind) => kind switch
    {
        DefinitionKind.LabelSet => "label set",
        DefinitionKind.Policy => "policy",
        _ => "linear probe",
    };

    /// <summary>What <paramref name="json"/>, a stored definition of <paramref name="kind"/>, holds.</summary>
    public static string Describe(DefinitionKind kind, string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        return kind switch
        {
            DefinitionKind.LabelSet when Array(root, "Classes") is { } classes =>
                Classes(classes.Select(c => Text(c, "Name"))) + (Flag(root, "MultiLabel") ? ", multi-label" : ""),
            DefinitionKind.Policy when Array(root, "PositivePrompts") is { } positive
                && Array(root, "NegativePrompts") is { } negative => string.Create(CultureInfo.InvariantCulture,
                    $"{positive.Count} positive and {negative.Count} negative prompts, flag at " +
                    $"{Number(root, "FlagThreshold")}, review at {Number(root, "ReviewThreshold")}"),
            DefinitionKind.Probe when Array(root, "Classes") is { } classes =>
                $"{Classes(classes.Select(c => c.GetString()))}, for model '{Text(root, "ModelName")}'" +
                (Number(root, "MinProbability") is { } min ? $", labels from probability {min}" : ""),
            _ => "no definition: the name only stands for labels or scores a job stored",
        };
    }

    private static string Classes(IEnumerable<string?> names)
    {
        var list = names.ToList();
        string shown = string.Join(", ", list.Take(NamesShown));
        return $"{list.Count} classes ({shown}{(list.Count > NamesShown ? ", ..." : "")})";
    }

    private static List<JsonElement>? Array(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out JsonElement value)
            && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray()]
            : null;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value)
            && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static bool Flag(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.True;

    private static string? Number(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number
            ? value.GetRawText()
            : null;
}
