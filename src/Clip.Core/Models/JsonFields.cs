using System.Text.Json;

namespace Clip.Core.Models;

/// <summary>Typed reads of optional JSON fields; a value of the wrong type fails with the file's name.</summary>
internal static class JsonFields
{
    public static JsonDocument Parse(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new ClipModelException($"{path} is not valid JSON: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new ClipModelException($"{path} could not be read: {e.Message}", e);
        }
    }

    public static int? Int(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int result)
            ? result
            : throw new ClipModelException($"{path}: '{name}' should be an integer, found {value.GetRawText()}.");
    }

    public static float? Float(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number
            ? value.GetSingle()
            : throw new ClipModelException($"{path}: '{name}' should be a number, found {value.GetRawText()}.");
    }

    public static float[]? FloatTriple(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != 3
            || value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.Number))
        {
            throw new ClipModelException($"{path}: '{name}' should be three numbers, found {value.GetRawText()}.");
        }

        return value.EnumerateArray().Select(item => item.GetSingle()).ToArray();
    }

    public static JsonElement? Object(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object
            ? value
            : throw new ClipModelException($"{path}: '{name}' should be an object, found {value.GetRawText()}.");
    }
}
