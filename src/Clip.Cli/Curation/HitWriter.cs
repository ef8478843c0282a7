using System.Text.Json;
using Pipeline.Processing.Curation;
using Pipeline.Storage;

namespace Clip.Cli.Curation;

/// <summary>The JSON lines of <c>clip search</c>: hits with their rank, outliers with their score.</summary>
internal static class HitWriter
{
    /// <summary><c>{"rank": 1, "imageId": 7, "uri": "...", "score": 0.31}</c>.</summary>
    public static void WriteHit(Utf8JsonWriter writer, int rank, SearchHit hit)
    {
        writer.WriteStartObject();
        writer.WriteNumber("rank", rank);
        writer.WriteNumber("imageId", hit.ImageId);
        writer.WriteString("uri", hit.SourceUri);
        writer.WriteNumber("score", Math.Round(hit.Score, 6));
        writer.WriteEndObject();
    }

    /// <summary><c>{"imageId": 7, "uri": "...", "score": 0.12, "nearestLabel": "cat"}</c>.</summary>
    public static void WriteOutlier(Utf8JsonWriter writer, Outlier outlier)
    {
        writer.WriteStartObject();
        writer.WriteNumber("imageId", outlier.ImageId);
        writer.WriteString("uri", outlier.SourceUri);
        writer.WriteNumber("score", Math.Round(outlier.Score, 6));
        if (outlier.NearestLabel is { } label)
        {
            writer.WriteString("nearestLabel", label);
        }

        writer.WriteEndObject();
    }
}
