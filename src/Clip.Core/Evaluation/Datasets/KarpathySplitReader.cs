using System.Text.Json;

namespace Clip.Core.Evaluation.Datasets;

/// <summary>Reads the images of one split of a Karpathy split file (see <see cref="RetrievalDataset"/>).</summary>
internal static class KarpathySplitReader
{
    public static IReadOnlyList<RetrievalImage> Read(byte[] json, string split, string imageRoot, string source)
    {
        using JsonDocument document = JsonFieldReader.Parse(json, source);
        JsonFieldReader.EnsureObject(document.RootElement, $"'{source}'");
        var images = new List<RetrievalImage>();
        int position = 0;
        foreach (JsonElement entry in JsonFieldReader.Array(document.RootElement, "images", $"'{source}'")
                     .EnumerateArray())
        {
            string where = $"'{source}' images[{position++}]";
            JsonFieldReader.EnsureObject(entry, where);
            if (JsonFieldReader.String(entry, "split", where) != split)
            {
                continue;
            }

            string file = JsonFieldReader.String(entry, "filename", where);
            string folder = entry.TryGetProperty("filepath", out _)
                ? JsonFieldReader.String(entry, "filepath", where)
                : string.Empty;
            images.Add(new RetrievalImage(
                Path.GetFullPath(Path.Combine(imageRoot, folder, file)),
                Captions(JsonFieldReader.Array(entry, "sentences", where), where)));
        }

        return images;
    }

    private static string[] Captions(JsonElement sentences, string where)
    {
        var captions = new List<string>();
        int position = 0;
        foreach (JsonElement sentence in sentences.EnumerateArray())
        {
            string at = $"{where} sentences[{position++}]";
            JsonFieldReader.EnsureObject(sentence, at);
            captions.Add(JsonFieldReader.String(sentence, "raw", at).Trim());
        }

        return [.. captions];
    }
}
