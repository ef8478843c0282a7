using System.Text.Json;

namespace Clip.Core.Moderation;

/// <summary>
/// Typed reads of one JSON object's keys, each failure a <see cref="FormatException"/> that names the source and
/// the key's path, such as <c>thresholds.flag</c>.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly JsonElement _element;
    private readonly string _prefix;

    public JsonObjectReader(JsonElement element, string source, string prefix = "")
    {
        _prefix = prefix;
        Source = source;
        if (element.ValueKind != JsonValueKind.Object)
        {
            string what = prefix.Length == 0 ? "The document" : $"'{prefix.TrimEnd('.')}'";
            throw new FormatException($"In '{source}', {what} must be a JSON object.");
        }

        _element = element;
    }

    public string Source { get; }

    public void RejectUnknown(IReadOnlyCollection<string> allowed)
    {
        foreach (JsonProperty property in _element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                throw Error(property.Name, $"is not a known key (known: {string.Join(", ", allowed)})");
            }
        }
    }

    public string String(string key) =>
        Optional(key) is { ValueKind: JsonValueKind.String } value && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw Error(key, "must be a non-empty string");

    public IReadOnlyList<string> StringList(string key) =>
        OptionalStringList(key) ?? throw Error(key, "is required: a list of strings");

    public IReadOnlyList<string>? OptionalStringList(string key)
    {
        if (Optional(key) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array
            || value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
        {
            throw Error(key, "must be a list of strings");
        }

        return value.EnumerateArray().Select(v => v.GetString()!).ToArray();
    }

    public float Number(string key) => OptionalNumber(key) ?? throw Error(key, "is required: a number");

    public float? OptionalNumber(string key) => Optional(key) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } value => value.GetSingle(),
        _ => throw Error(key, "must be a number"),
    };

    public bool? OptionalBoolean(string key) => Optional(key) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw Error(key, "must be true or false"),
    };

    public JsonObjectReader Object(string key) =>
        Optional(key) is { } value
            ? new JsonObjectReader(value, Source, $"{_prefix}{key}.")
            : throw Error(key, "is required");

    private JsonElement? Optional(string key) =>
        _element.TryGetProperty(key, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private FormatException Error(string key, string problem) =>
        new($"In '{Source}', '{_prefix}{key}' {problem}.");
}
