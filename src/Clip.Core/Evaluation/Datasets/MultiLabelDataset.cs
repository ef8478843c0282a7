namespace Clip.Core.Evaluation.Datasets;

/// <summary>
/// Images with any number of class labels each, as in PASCAL VOC or MS-COCO classification: the input of
/// <see cref="MeanAveragePrecision"/>. Three file layouts are read (see <see cref="Load"/>); image paths in a file
/// are relative to an image folder, by default the file's own folder.
/// </summary>
public sealed class MultiLabelDataset
{
    /// <summary>Creates a data set; throws <see cref="ArgumentException"/> for unusable classes or labels.</summary>
    public MultiLabelDataset(string source, IReadOnlyList<string> classes, IReadOnlyList<MultiLabelImage> images)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(images);
        if (classes.Count == 0 || classes.Any(string.IsNullOrWhiteSpace)
            || classes.Distinct(StringComparer.Ordinal).Count() != classes.Count)
        {
            throw new ArgumentException($"'{source}': class names must be one or more, non-empty and distinct.");
        }

        if (images.Count == 0)
        {
            throw new ArgumentException($"'{source}' lists no images.");
        }

        if (images.SelectMany(image => image.Labels).Any(label => (uint)label >= (uint)classes.Count))
        {
            throw new ArgumentException($"'{source}': a label index is outside the {classes.Count} classes.");
        }

        Source = source;
        Classes = classes.ToArray();
        Images = images.ToArray();
    }

    /// <summary>The file read, for messages and reports.</summary>
    public string Source { get; }

    /// <summary>The class names; labels index this list.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>The images, in file order.</summary>
    public IReadOnlyList<MultiLabelImage> Images { get; }

    /// <summary>
    /// Reads <paramref name="path"/>, whose image paths are relative to <paramref name="imageRoot"/> (default: the
    /// file's folder):
    /// <list type="bullet">
    /// <item><c>.csv</c>: a header line <c>image,labels</c>, then one line per image, <c>a.jpg,cat|dog</c>
    /// (labels separated by <c>|</c>, none for an image without classes); classes in order of first use.</item>
    /// <item><c>.json</c> with <c>annotations</c> and <c>categories</c>: MS-COCO instances; an image carries the
    /// category of each of its annotations; classes in category id order.</item>
    /// <item>other <c>.json</c>: <c>{"classes": [...], "images": [{"image": "a.jpg", "labels": ["cat"]}]}</c>;
    /// <c>classes</c> is optional (default: order of first use) and, when given, every label must be in it.</item>
    /// </list>
    /// Throws <see cref="FileNotFoundException"/>, or <see cref="FormatException"/> naming the file and the entry.
    /// </summary>
    public static MultiLabelDataset Load(string path, string? imageRoot = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The multi-label data set file '{path}' does not exist.", path);
        }

        string root = Path.GetFullPath(imageRoot ?? Path.GetDirectoryName(Path.GetFullPath(path))!);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => MultiLabelCsvReader.Read(File.ReadLines(path), root, path),
            ".json" => MultiLabelJsonReader.Read(File.ReadAllBytes(path), root, path),
            _ => throw new FormatException(
                $"'{path}': a multi-label data set is a .csv or .json file (COCO instances or image lists)."),
        };
    }

    /// <summary>The labels of every image, in image order, as <see cref="MeanAveragePrecision"/> takes them.</summary>
    public IReadOnlyList<IReadOnlyCollection<int>> Positives() =>
        Images.Select(image => (IReadOnlyCollection<int>)image.Labels).ToArray();
}
