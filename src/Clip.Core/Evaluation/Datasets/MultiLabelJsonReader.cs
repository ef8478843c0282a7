using System.Text.Json;

namespace Clip.Core.Evaluation.Datasets;

/// <summary>
/// Reads the JSON layouts of <see cref="MultiLabelDataset.Load"/>: MS-COCO instances when the document has
/// <c>annotations</c> and <c>categories</c>, otherwise <c>{"classes": [...], "images": [...]}</c>.
/// </summary>
internal static class MultiLabelJsonReader
{
    public static MultiLabelDataset Read(byte[] json, string imageRoot, string source)
    {
        using JsonDocument document = JsonFieldReader.Parse(json, source);
        JsonElement root = document.RootElement;
        JsonFieldReader.EnsureObject(root, $"'{source}'");
        bool coco = root.TryGetProperty("annotations", out _) && root.TryGetProperty("categories", out _);
        return coco ? CocoInstancesReader.Read(root, imageRoot, source) : ReadImageList(root, imageRoot, source);
    }

    private static MultiLabelDataset ReadImageList(JsonElement root, string imageRoot, string source)
    {
        string[]? declared = root.TryGetProperty("classes", out _)
            ? JsonFieldReader.Strings(JsonFieldReader.Array(root, "classes", $"'{source}'"), $"'{source}' classes")
            : null;
        ClassNameIndex classes = Attempt(() => new ClassNameIndex(declared), $"'{source}'");
        var images = new List<MultiLabelImage>();
        int position = 0;
        foreach (JsonElement entry in JsonFieldReader.Array(root, "images", $"'{source}'").EnumerateArray())
        {
            string where = $"'{source}' images[{position++}]";
            JsonFieldReader.EnsureObject(entry, where);
            string image = JsonFieldReader.String(entry, "image", where);
            string[] labels = JsonFieldReader.Strings(JsonFieldReader.Array(entry, "labels", where), $"{where} labels");
            int[] indices = Attempt(() => classes.IndicesOf(labels), where);
            images.Add(new MultiLabelImage(Path.GetFullPath(Path.Combine(imageRoot, image)), indices));
        }

        if (images.Count == 0 || classes.Names.Count == 0)
        {
            throw new FormatException($"'{source}' lists no image, or no class.");
        }

        return new MultiLabelDataset(source, classes.Names, images);
    }

    /// <summary>Runs <paramref name="read"/>, putting <paramref name="where"/> before a class naming error.</summary>
    private static T Attempt<T>(Func<T> read, string where)
    {
        try
        {
            return read();
        }
        catch (FormatException e)
        {
            throw new FormatException($"{where}: {e.Message}.", e);
        }
    }
}
