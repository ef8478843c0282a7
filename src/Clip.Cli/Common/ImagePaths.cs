namespace Clip.Cli.Common;

/// <summary>Turns command-line paths into image files: folders are walked, files kept as given.</summary>
internal static class ImagePaths
{
    /// <summary>The file extensions taken from walked folders; a file named explicitly is always tried.</summary>
    public static readonly IReadOnlySet<string> ImageExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp", ".tif", ".tiff",
    };

    /// <summary>
    /// Each path that is a folder becomes its image files (all subfolders, in ordinal order); any other path is
    /// kept, so a missing file is reported as that file's error rather than silently dropped.
    /// </summary>
    public static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (string path in paths)
        {
            if (!Directory.Exists(path))
            {
                yield return path;
                continue;
            }

            IEnumerable<string> files = Directory
                .EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(file => ImageExtensions.Contains(Path.GetExtension(file)))
                .Order(StringComparer.Ordinal);
            foreach (string file in files)
            {
                yield return file;
            }
        }
    }
}
