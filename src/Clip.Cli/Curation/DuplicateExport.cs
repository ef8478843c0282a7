using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pipeline.Storage;
using Pipeline.Storage.Postgres.Curation;

namespace Clip.Cli.Curation;

/// <summary>Near-duplicate groups as JSON (one document) or CSV (one row per image).</summary>
internal static class DuplicateExport
{
    private static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary><c>{"model": ..., "threshold": ..., "groups": [{"group": 1, "images": [{...}]}]}</c>.</summary>
    public static async Task WriteJsonAsync(
        Stream output,
        ModelRecord model,
        double threshold,
        IReadOnlyList<DuplicateGroup> groups,
        CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(output, Indented);
        writer.WriteStartObject();
        writer.WriteString("model", model.Name);
        writer.WriteString("version", model.Version);
        writer.WriteNumber("threshold", threshold);
        writer.WriteStartArray("groups");
        foreach (DuplicateGroup group in groups)
        {
            writer.WriteStartObject();
            writer.WriteNumber("group", group.Group);
            writer.WriteStartArray("images");
            foreach (DuplicateMember member in group.Members)
            {
                writer.WriteStartObject();
                writer.WriteNumber("imageId", member.ImageId);
                writer.WriteString("uri", member.SourceUri);
                writer.WriteNumber("similarity", Math.Round(member.Similarity, 6));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
        output.WriteByte((byte)'\n');
    }

    /// <summary><c>group,image_id,uri,similarity</c>, the URI quoted as RFC 4180 asks.</summary>
    public static async Task WriteCsvAsync(
        Stream output,
        IReadOnlyList<DuplicateGroup> groups,
        CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        await writer.WriteLineAsync("group,image_id,uri,similarity");
        foreach (DuplicateGroup group in groups)
        {
            foreach (DuplicateMember m in group.Members)
            {
                await writer.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{group.Group},{m.ImageId},{Quote(m.SourceUri)},{Math.Round(m.Similarity, 6)}"));
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0
            ? value
            : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
