using System.Text.Json.Serialization;
using Pipeline.Storage.Results;

namespace Pipeline.Storage.Files;

/// <summary>One line of <c>results.jsonl</c>.</summary>
internal sealed record ResultLine(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("row"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Row,
    [property: JsonPropertyName("width"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Width,
    [property: JsonPropertyName("height"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Height,
    [property: JsonPropertyName("sha256"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? Sha256,
    [property: JsonPropertyName("labels"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<ResultLabel>? Labels,
    [property: JsonPropertyName("moderation"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<ResultModeration>? Moderation,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? ErrorKind,
    [property: JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? Reason)
{
    public static ResultLine From(ImageResult image, int? row) => image.Failure is { } failure
        ? new ResultLine(image.Uri, "error", null, 0, 0, image.ContentSha256, null, null, failure.Kind,
            failure.Reason)
        : new ResultLine(
            image.Uri,
            "ok",
            row,
            image.Width,
            image.Height,
            image.ContentSha256,
            image.Labels.Count == 0 ? null : image.Labels.Select(ResultLabel.From).ToList(),
            image.ModerationList.Count == 0 ? null : image.ModerationList.Select(ResultModeration.From).ToList(),
            null,
            null);
}

/// <summary>A label inside a <see cref="ResultLine"/>.</summary>
internal sealed record ResultLabel(
    [property: JsonPropertyName("set")] string LabelSet,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("score")] float Score)
{
    public static ResultLabel From(ImageLabel label) => new(label.LabelSet, label.Label, label.Score);
}

/// <summary>A policy score inside a <see cref="ResultLine"/>.</summary>
internal sealed record ResultModeration(
    [property: JsonPropertyName("policy")] string Policy,
    [property: JsonPropertyName("score")] float Score,
    [property: JsonPropertyName("decision")] string Decision)
{
    public static ResultModeration From(ImageModeration m) =>
        new(m.Policy, m.Score, m.Decision.ToString().ToLowerInvariant());
}
