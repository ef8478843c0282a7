namespace Pipeline.Sources;

/// <summary>The file name extensions that sources list as images.</summary>
public static class ImageFileTypes
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".apng", ".gif", ".webp", ".bmp", ".dib", ".tif", ".tiff",
        ".heic", ".heif", ".avif", ".jxl", ".ico", ".svg",
    };

    /// <summary>
    /// True when the name ends in an image extension, in any case. The decoder sniffs the real format from the
    /// bytes, so a misnamed image still decodes and a non-image with an image name still gets an error record.
    /// </summary>
    public static bool LooksLikeImage(string name) => Extensions.Contains(Path.GetExtension(name));
}
