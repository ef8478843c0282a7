using System.Text.Json;
using Clip.Core.ZeroShot;

namespace Clip.Cli.Common;

/// <summary>The shapes of the JSON lines the commands write.</summary>
internal static class JsonResults
{
    /// <summary><c>{"image": "a.jpg", "embedding": [...]}</c> or <c>{"text": "...", "embedding": [...]}</c>.</summary>
    public static void WriteEmbedding(Utf8JsonWriter writer, string kind, string input, ReadOnlySpan<float> embedding)
    {
        writer.WriteStartObject();
        writer.WriteString(kind, input);
        writer.WriteStartArray("embedding");
        foreach (float value in embedding)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary><c>{"image": "a.jpg", "labels": [{"label": "cat", "probability": 0.9, "cosine": 0.31}]}</c>.</summary>
    public static void WriteLabels(Utf8JsonWriter writer, string image, IReadOnlyList<LabelScore> labels)
    {
        writer.WriteStartObject();
        writer.WriteString("image", image);
        writer.WriteStartArray("labels");
        foreach (LabelScore label in labels)
        {
            writer.WriteStartObject();
            writer.WriteString("label", label.Label);
            writer.WriteNumber("probability", label.Probability);
            writer.WriteNumber("cosine", label.Cosine);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary><c>{"image": "a.jpg", "error": "why"}</c>.</summary>
    public static void WriteError(Utf8JsonWriter writer, string image, string error)
    {
        writer.WriteStartObject();
        writer.WriteString("image", image);
        writer.WriteString("error", error);
        writer.WriteEndObject();
    }
}
