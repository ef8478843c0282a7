using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clip.Core.Tests.Imaging.Preprocessing;

/// <summary>One line of the reference preprocessing manifest (clip/preprocess/manifest.jsonl).</summary>
public sealed record PreprocessCase(
    [property: JsonPropertyName("image")] string Image,
    [property: JsonPropertyName("tensor")] string Tensor,
    [property: JsonPropertyName("rgb224")] string Rgb224,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("size")] int[] Size,
    [property: JsonPropertyName("resized_to")] int[] ResizedTo,
    [property: JsonPropertyName("crop_box")] int[] CropBox,
    [property: JsonPropertyName("decoded")] string? Decoded)
{
    public bool IsPng => Format == "PNG";

    public bool IsJpeg => Format == "JPEG";

    public static IReadOnlyList<PreprocessCase> All { get; } = Load();

    public static PreprocessCase Named(string image) => All.Single(c => c.Image == image);

    public static string PathOf(string file) => SharedData.PathOf("clip", "preprocess", file);

    /// <summary>Image names of the cases that match, as xUnit theory data.</summary>
    public static TheoryData<string> Where(Func<PreprocessCase, bool> predicate)
    {
        var data = new TheoryData<string>();
        foreach (PreprocessCase c in All.Where(predicate))
        {
            data.Add(c.Image);
        }

        return data;
    }

    private static List<PreprocessCase> Load() => File.ReadAllLines(PathOf("manifest.jsonl"))
        .Where(line => line.Length > 0)
        .Select(line => JsonSerializer.Deserialize<PreprocessCase>(line)
            ?? throw new InvalidDataException($"Bad manifest line: {line}"))
        .ToList();
}
