using System.Text.Json;

namespace Clip.Core.Evaluation.Datasets;

/// <summary>Typed reads of data set JSON, each failure a <see cref="FormatException"/> that says where.</summary>
internal static class JsonFieldReader
{
    public static JsonDocument Parse(byte[] json, string source)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"'{source}' is not valid JSON: {e.Message}", e);
        }
    }

    public static JsonElement Array(JsonElement parent, string key, string where) =>
        parent.TryGetProperty(key, out JsonElement value) && value.ValueKind == JsonValueKind.Array
            ? value
            : throw new FormatException($"{where}: '{key}' must be a list.");

    public static string String(JsonElement parent, string key, string where) =>
        parent.TryGetProperty(key, out JsonElement value)
        && value.ValueKind == JsonValueKind.String
        && value.GetString() is { Length: > 0 } text
            ? text
            : throw new FormatException($"{where}: '{key}' must be a non-empty string.");

    public static long Integer(JsonElement parent, string key, string where) =>
        parent.TryGetProperty(key, out JsonElement value)
        && value.ValueKind == JsonValueKind.Number
        && value.TryGetInt64(out long number)
            ? number
            : throw new FormatException($"{where}: '{key}' must be an integer.");

    public static string[] Strings(JsonElement list, string where)
    {
        var strings = new List<string>();
        foreach (JsonElement item in list.EnumerateArray())
        {
            strings.Add(item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } text
                ? text
                : throw new FormatException($"{where}: every entry must be a non-empty string."));
        }

        return [.. strings];
    }

    public static void EnsureObject(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{where}: expected a JSON object.");
        }
    }
}
