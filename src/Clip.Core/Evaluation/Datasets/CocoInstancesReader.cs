using System.Text.Json;

namespace Clip.Core.Evaluation.Datasets;

/// <summary>
/// Reads an MS-COCO instances file (<c>images</c>, <c>annotations</c>, <c>categories</c>) as multi-label
/// classification: an image carries the category of each of its annotations, crowd regions included. Images
/// without annotations stay, as negatives of every class.
/// </summary>
internal static class CocoInstancesReader
{
    public static MultiLabelDataset Read(JsonElement root, string imageRoot, string source)
    {
        var categoryIndex = new Dictionary<long, int>();
        var names = new List<(long Id, string Name)>();
        int position = 0;
        foreach (JsonElement category in JsonFieldReader.Array(root, "categories", $"'{source}'").EnumerateArray())
        {
            string where = $"'{source}' categories[{position++}]";
            JsonFieldReader.EnsureObject(category, where);
            long id = JsonFieldReader.Integer(category, "id", where);
            names.Add((id, JsonFieldReader.String(category, "name", where)));
        }

        names.Sort((a, b) => a.Id.CompareTo(b.Id));
        foreach ((long id, string _) in names)
        {
            if (!categoryIndex.TryAdd(id, categoryIndex.Count))
            {
                throw new FormatException($"'{source}': category id {id} appears twice.");
            }
        }

        Dictionary<long, SortedSet<int>> labels = ReadImages(root, source, out List<(long Id, string File)> files);
        ReadAnnotations(root, source, categoryIndex, labels);
        MultiLabelImage[] images = files
            .Select(file => new MultiLabelImage(
                Path.GetFullPath(Path.Combine(imageRoot, file.File)),
                labels[file.Id].ToArray()))
            .ToArray();
        return images.Length > 0 && names.Count > 0
            ? new MultiLabelDataset(source, names.Select(n => n.Name).ToArray(), images)
            : throw new FormatException($"'{source}' lists no image, or no category.");
    }

    private static Dictionary<long, SortedSet<int>> ReadImages(
        JsonElement root,
        string source,
        out List<(long Id, string File)> files)
    {
        var labels = new Dictionary<long, SortedSet<int>>();
        files = [];
        int position = 0;
        foreach (JsonElement image in JsonFieldReader.Array(root, "images", $"'{source}'").EnumerateArray())
        {
            string where = $"'{source}' images[{position++}]";
            JsonFieldReader.EnsureObject(image, where);
            long id = JsonFieldReader.Integer(image, "id", where);
            if (!labels.TryAdd(id, []))
            {
                throw new FormatException($"{where}: image id {id} appears twice.");
            }

            files.Add((id, JsonFieldReader.String(image, "file_name", where)));
        }

        return labels;
    }

    private static void ReadAnnotations(
        JsonElement root,
        string source,
        Dictionary<long, int> categoryIndex,
        Dictionary<long, SortedSet<int>> labels)
    {
        int position = 0;
        foreach (JsonElement annotation in JsonFieldReader.Array(root, "annotations", $"'{source}'").EnumerateArray())
        {
            string where = $"'{source}' annotations[{position++}]";
            JsonFieldReader.EnsureObject(annotation, where);
            long image = JsonFieldReader.Integer(annotation, "image_id", where);
            long category = JsonFieldReader.Integer(annotation, "category_id", where);
            if (!labels.TryGetValue(image, out SortedSet<int>? set))
            {
                throw new FormatException($"{where}: image_id {image} is not in 'images'.");
            }

            set.Add(categoryIndex.TryGetValue(category, out int index)
                ? index
                : throw new FormatException($"{where}: category_id {category} is not in 'categories'."));
        }
    }
}
