using System.Collections.Concurrent;
using Azure.Storage.Blobs;
using Pipeline.Contracts;
using Pipeline.Sources;

namespace Pipeline.Processing.Curation;

/// <summary>
/// Reads a stored image from where its URI says it lives: a blob URL through a source for its container (one per
/// container), anything else as a file path. Used for re-embedding and by the review page; callers read only URIs
/// taken from the <c>images</c> table.
/// </summary>
public sealed class StoredImageReader
{
    private readonly ConcurrentDictionary<string, IImageSource> _sources = new(StringComparer.Ordinal);
    private readonly string? _blobConnectionString;

    /// <summary>Creates the reader; the connection string is used for blob URLs and may be null.</summary>
    public StoredImageReader(string? blobConnectionString) => _blobConnectionString = blobConnectionString;

    /// <summary>Reads the image's bytes, at most <paramref name="maxBytes"/>.</summary>
    /// <exception cref="ImageReadException">The image cannot be read, or is too large.</exception>
    public Task<byte[]> ReadAsync(ImageReference image, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        return SourceFor(image.Uri).ReadAsync(image, maxBytes, cancellationToken);
    }

    private IImageSource SourceFor(string uri)
    {
        if (Uri.TryCreate(uri, UriKind.Absolute, out Uri? url) && url.Scheme is "http" or "https")
        {
            Uri container = new BlobUriBuilder(url) { BlobName = string.Empty }.ToUri();
            return _sources.GetOrAdd(
                container.AbsoluteUri,
                _ => new BlobContainerSource(container, _blobConnectionString));
        }

        string folder = Path.GetDirectoryName(Path.GetFullPath(uri)) ?? "/";
        if (!Directory.Exists(folder))
        {
            throw new ImageReadException("not-found", $"The folder of {uri} no longer exists.");
        }

        return _sources.GetOrAdd(folder, f => new LocalFolderSource(f));
    }
}
