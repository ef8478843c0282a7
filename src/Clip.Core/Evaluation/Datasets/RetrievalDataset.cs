namespace Clip.Core.Evaluation.Datasets;

/// <summary>
/// Images and their captions for image-text retrieval, the input of <see cref="RetrievalRecall"/>: every image is
/// a row, every caption a column, and <see cref="CaptionImages"/> says which row each caption describes.
/// </summary>
public sealed class RetrievalDataset
{
    /// <summary>Creates a data set; throws <see cref="ArgumentException"/> without an image or a caption.</summary>
    public RetrievalDataset(string source, IReadOnlyList<RetrievalImage> images)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0 || images.All(image => image.Captions.Count == 0))
        {
            throw new ArgumentException($"'{source}' needs at least one image with a caption.", nameof(images));
        }

        Source = source;
        Images = images.ToArray();
        Captions = Images.SelectMany(image => image.Captions).ToArray();
        CaptionImages = Images.SelectMany((image, row) => Enumerable.Repeat(row, image.Captions.Count)).ToArray();
    }

    /// <summary>Where the data set was read from, for messages and reports.</summary>
    public string Source { get; }

    /// <summary>The images, in file order.</summary>
    public IReadOnlyList<RetrievalImage> Images { get; }

    /// <summary>Every caption, image after image.</summary>
    public IReadOnlyList<string> Captions { get; }

    /// <summary>The index into <see cref="Images"/> of each caption's image.</summary>
    public IReadOnlyList<int> CaptionImages { get; }

    /// <summary>
    /// Reads the images of one split from a Karpathy split file (<c>dataset_coco.json</c>,
    /// <c>dataset_flickr30k.json</c>): <c>{"images": [{"filename", "filepath"?, "split", "sentences": [{"raw"}]}]}</c>.
    /// An image's path is <paramref name="imageRoot"/>/filepath/filename, <paramref name="imageRoot"/> defaulting to
    /// the file's folder. Throws <see cref="FileNotFoundException"/>, or <see cref="FormatException"/> naming the
    /// file and entry, also when no image is in <paramref name="split"/>.
    /// </summary>
    public static RetrievalDataset LoadKarpathy(string path, string split, string? imageRoot = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(split);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The retrieval data set file '{path}' does not exist.", path);
        }

        string root = Path.GetFullPath(imageRoot ?? Path.GetDirectoryName(Path.GetFullPath(path))!);
        IReadOnlyList<RetrievalImage> images = KarpathySplitReader.Read(File.ReadAllBytes(path), split, root, path);
        return images.Any(image => image.Captions.Count > 0)
            ? new RetrievalDataset($"{path} ({split})", images)
            : throw new FormatException($"'{path}' has no captioned image in split '{split}'.");
    }
}
