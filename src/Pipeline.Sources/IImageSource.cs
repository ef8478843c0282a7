using Pipeline.Contracts;

namespace Pipeline.Sources;

/// <summary>A place images are listed and read from: a local folder or a blob container.</summary>
public interface IImageSource
{
    /// <summary>A description of the source for logs and results (never with credentials).</summary>
    string Description { get; }

    /// <summary>Lists the images page by page, in a stable order, never holding the whole listing.</summary>
    IAsyncEnumerable<IReadOnlyList<ImageReference>> ListPagesAsync(int pageSize, CancellationToken cancellationToken);

    /// <summary>Reads one image's bytes; throws <see cref="ImageReadException"/> when it cannot be read.</summary>
    Task<byte[]> ReadAsync(ImageReference image, long maxBytes, CancellationToken cancellationToken);
}
