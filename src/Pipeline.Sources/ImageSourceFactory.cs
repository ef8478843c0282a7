namespace Pipeline.Sources;

/// <summary>Turns a job's source string into an <see cref="IImageSource"/>.</summary>
public static class ImageSourceFactory
{
    /// <summary>
    /// An <c>http</c> or <c>https</c> URL is a blob container (with an optional prefix); anything else is a local
    /// folder or file.
    /// </summary>
    public static IImageSource Create(string source, string? blobConnectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (Uri.TryCreate(source, UriKind.Absolute, out Uri? url) && url.Scheme is "http" or "https")
        {
            return new BlobContainerSource(url, blobConnectionString);
        }

        return new LocalFolderSource(source);
    }
}
