using System.Text.Json;

namespace Pipeline.Processing.Definitions;

/// <summary>
/// The JSON in which label sets, moderation policies and linear probes are stored: their contract records as
/// System.Text.Json writes them by default, the same form a job's recorded submission holds.
/// </summary>
public static class DefinitionJson
{
    private static readonly JsonSerializerOptions Strict = new()
    {
        PropertyNameCaseInsensitive = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The stored form of a definition.</summary>
    public static string Serialize<T>(T definition) => JsonSerializer.Serialize(definition);

    /// <summary>
    /// Reads a stored definition back. Throws <see cref="FormatException"/> naming <paramref name="where"/> when a
    /// field is missing or of the wrong type, as in a row that only names the labels a job wrote.
    /// </summary>
    public static T Deserialize<T>(string json, string where)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<T>(json, Strict) ?? throw new JsonException("It holds null.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{where} is stored without a usable definition: {e.Message}", e);
        }
    }
}
