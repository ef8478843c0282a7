using System.Text.Json;
using Clip.Core.Moderation;

namespace Clip.Cli.Evaluation;

/// <summary>The JSON lines <c>clip moderate</c> writes.</summary>
internal static class ModerationLines
{
    /// <summary>
    /// <c>{"image", "id"?, "policy", "scorer", "score", "decision", "image_score", "text_score"}</c>; the two
    /// channel scores are null for a probe, and the text score when no text was scored.
    /// </summary>
    public static void WriteVerdict(
        Utf8JsonWriter writer,
        ModerationInput input,
        string policy,
        string scorer,
        ModerationVerdict verdict)
    {
        writer.WriteStartObject();
        WriteImage(writer, input);
        writer.WriteString("policy", policy);
        writer.WriteString("scorer", scorer);
        writer.WriteNumber("score", verdict.Score);
        writer.WriteString("decision", Name(verdict.Decision));
        WriteOptional(writer, "image_score", verdict.ImageScore);
        WriteOptional(writer, "text_score", verdict.TextScore);
        writer.WriteEndObject();
    }

    /// <summary><c>{"image", "id"?, "error"}</c>.</summary>
    public static void WriteError(Utf8JsonWriter writer, ModerationInput input, string error)
    {
        writer.WriteStartObject();
        WriteImage(writer, input);
        writer.WriteString("error", error);
        writer.WriteEndObject();
    }

    private static string Name(ModerationDecision decision) => decision switch
    {
        ModerationDecision.Flag => "flag",
        ModerationDecision.Review => "review",
        _ => "pass",
    };

    private static void WriteImage(Utf8JsonWriter writer, ModerationInput input)
    {
        writer.WriteString("image", input.ImagePath);
        if (input.Id is { } id)
        {
            writer.WriteString("id", id);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, float? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
