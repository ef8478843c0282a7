using System.Text.Json;

namespace Clip.Core.Tests.Imaging.Decoding;

/// <summary>The image corpora of the reference data folder, read from their manifest.jsonl files.</summary>
internal static class ImageCorpus
{
    private static readonly Lazy<IReadOnlyList<EdgeCase>> EdgeCases = new(() => Read("edge", ToEdgeCase));
    private static readonly Lazy<IReadOnlyList<RealImage>> RealImages = new(() => Read("real", ToRealImage));

    public static IReadOnlyList<EdgeCase> Edge => EdgeCases.Value;

    public static IReadOnlyList<RealImage> Real => RealImages.Value;

    public static string EdgePath(string file) => SharedData.PathOf("images", "edge", file);

    public static string RealPath(string file) => SharedData.PathOf("images", "real", file);

    public static EdgeCase EdgeFile(string file) => Edge.Single(entry => entry.File == file);

    private static IReadOnlyList<T> Read<T>(string folder, Func<JsonElement, T> convert)
    {
        string manifest = SharedData.PathOf("images", folder, "manifest.jsonl");
        return File.ReadLines(manifest)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line =>
            {
                using JsonDocument document = JsonDocument.Parse(line);
                return convert(document.RootElement);
            })
            .ToList();
    }

    private static EdgeCase ToEdgeCase(JsonElement line) => new(
        line.GetProperty("file").GetString()!,
        line.GetProperty("category").GetString()!,
        line.GetProperty("expected").GetString()!);

    private static RealImage ToRealImage(JsonElement line) => new(
        line.GetProperty("file").GetString()!,
        line.GetProperty("format").GetString()!,
        line.GetProperty("width").GetInt32(),
        line.GetProperty("height").GetInt32(),
        line.GetProperty("mode").GetString()!,
        line.GetProperty("exif_orientation").ValueKind == JsonValueKind.Number
            ? line.GetProperty("exif_orientation").GetInt32()
            : null);
}

/// <summary>One file of the edge corpus and what a robust pipeline must do with it.</summary>
internal sealed record EdgeCase(string File, string Category, string Expected);

/// <summary>One picture of the real corpus, as stored.</summary>
internal sealed record RealImage(string File, string Format, int Width, int Height, string Mode, int? ExifOrientation);
