using System.Collections.Concurrent;
using Pipeline.Sources;

namespace Pipeline.Processing;

/// <summary>Creates each job's <see cref="IImageSource"/> once per process and hands it to every batch.</summary>
public sealed class ImageSourceResolver
{
    private readonly ConcurrentDictionary<string, IImageSource> _sources = new(StringComparer.Ordinal);
    private readonly string? _blobConnectionString;

    /// <summary>Creates the resolver; the connection string is used for blob sources and may be null.</summary>
    public ImageSourceResolver(string? blobConnectionString)
    {
        _blobConnectionString = blobConnectionString;
    }

    /// <summary>The source for a job's source string.</summary>
    public IImageSource Resolve(string source) =>
        _sources.GetOrAdd(source, s => ImageSourceFactory.Create(s, _blobConnectionString));
}
