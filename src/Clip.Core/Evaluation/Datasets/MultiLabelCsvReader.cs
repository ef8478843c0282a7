namespace Clip.Core.Evaluation.Datasets;

/// <summary>
/// Reads the CSV layout of <see cref="MultiLabelDataset.Load"/>: <c>image,labels</c>, then <c>a.jpg,cat|dog</c>.
/// </summary>
internal static class MultiLabelCsvReader
{
    public const string Header = "image,labels";
    public const char LabelSeparator = '|';

    private const StringSplitOptions SplitOptions =
        StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries;

    public static MultiLabelDataset Read(IEnumerable<string> lines, string imageRoot, string source)
    {
        var classes = new ClassNameIndex(null);
        var images = new List<MultiLabelImage>();
        int number = 0;
        foreach (string raw in lines)
        {
            number++;
            string line = raw.Trim();
            if (number == 1)
            {
                if (!line.Equals(Header, StringComparison.OrdinalIgnoreCase))
                {
                    throw new FormatException($"'{source}' line 1 must be the header '{Header}', not '{line}'.");
                }

                continue;
            }

            if (line.Length == 0)
            {
                continue;
            }

            // Limitation: no CSV quoting; the first comma ends the image path, so a path cannot hold a comma.
            int comma = line.IndexOf(',');
            string image = (comma < 0 ? line : line[..comma]).Trim();
            if (image.Length == 0)
            {
                throw new FormatException($"'{source}' line {number}: the image path is empty.");
            }

            string[] labels = comma < 0
                ? []
                : line[(comma + 1)..].Split(LabelSeparator, SplitOptions);
            string path = Path.GetFullPath(Path.Combine(imageRoot, image));
            images.Add(new MultiLabelImage(path, classes.IndicesOf(labels)));
        }

        if (images.Count == 0 || classes.Names.Count == 0)
        {
            throw new FormatException($"'{source}' lists no image with a label.");
        }

        return new MultiLabelDataset(source, classes.Names, images);
    }
}
