using Clip.Core.Embeddings;

namespace Clip.Core.Probes;

/// <summary>
/// An image classification data set laid out as one sub-folder per class (<c>root/cat/1.jpg</c>,
/// <c>root/dog/a/2.png</c>): the class is the name of the sub-folder directly under the root, and every image file
/// below it, at any depth, is a sample. Classes and files are sorted by ordinal name, so the listing is the same on
/// every machine.
/// </summary>
public sealed class ClassFolderDataset
{
    /// <summary>
    /// File name endings taken as images (case-insensitive). Other files are ignored, so a README or a thumbnail
    /// database beside the images is not reported as a broken image.
    /// </summary>
    public static readonly IReadOnlySet<string> ImageExtensions = new HashSet<string>(
        [".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp", ".tif", ".tiff", ".ico"],
        StringComparer.OrdinalIgnoreCase);

    private ClassFolderDataset(string root, IReadOnlyList<string> classes, IReadOnlyList<string> paths, int[] labels)
    {
        Root = root;
        Classes = classes;
        Paths = paths;
        Labels = labels;
    }

    /// <summary>The folder scanned, as a full path.</summary>
    public string Root { get; }

    /// <summary>
    /// The class names: the sub-folders that hold at least one image file, except those whose name starts with '.'.
    /// </summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Every image file, grouped by class.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>The class index of each file in <see cref="Paths"/>.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>Lists the data set under <paramref name="root"/>; throws when the folder does not exist.</summary>
    public static ClassFolderDataset Scan(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The data set folder '{root}' does not exist.");
        }

        string fullRoot = Path.GetFullPath(root);
        var classes = new List<string>();
        var paths = new List<string>();
        var labels = new List<int>();
        foreach (string folder in Directory.GetDirectories(fullRoot).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(folder);
            string[] images = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(path => ImageExtensions.Contains(Path.GetExtension(path)))
                .Order(StringComparer.Ordinal)
                .ToArray();
            if (name.StartsWith('.') || images.Length == 0)
            {
                continue;
            }

            labels.AddRange(Enumerable.Repeat(classes.Count, images.Length));
            classes.Add(name);
            paths.AddRange(images);
        }

        return new ClassFolderDataset(fullRoot, classes, paths, [.. labels]);
    }

    /// <summary>
    /// Embeds every file with <paramref name="embedder"/>: the readable ones become the training set, the others
    /// are listed in <see cref="ClassFolderEmbeddings.Failures"/>.
    /// </summary>
    public async Task<ClassFolderEmbeddings> EmbedAsync(ImageFileEmbedder embedder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ImageFileEmbeddings result = await embedder.EmbedAsync(Paths, cancellationToken).ConfigureAwait(false);
        int[] labels = result.Embedded.Select(i => Labels[i]).ToArray();
        string[] paths = result.Embedded.Select(i => Paths[i]).ToArray();
        var data = new LabeledEmbeddings(result.Embeddings, labels, Classes);
        return new ClassFolderEmbeddings(data, paths, result.Failures);
    }
}
