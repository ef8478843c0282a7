using System.Collections.Concurrent;
using Pipeline.Processing.Curation;
using Pipeline.Sources;
using Pipeline.Storage.Postgres.Curation;

namespace Pipeline.Processing;

/// <summary>Creates each job's <see cref="IImageSource"/> once per process and hands it to every batch.</summary>
public sealed class ImageSourceResolver
{
    private readonly ConcurrentDictionary<string, IImageSource> _sources = new(StringComparer.Ordinal);
    private readonly string? _blobConnectionString;
    private readonly StoredImageReader _storedImages;
    private readonly ReembedRunRepository? _reembedRuns;

    /// <summary>
    /// Creates the resolver; the connection string is used for blob sources and may be null. With
    /// <paramref name="reembedRuns"/> (an orchestrator with PostgreSQL) re-embedding sources can also be listed.
    /// </summary>
    public ImageSourceResolver(string? blobConnectionString, ReembedRunRepository? reembedRuns = null)
    {
        _blobConnectionString = blobConnectionString;
        _storedImages = new StoredImageReader(blobConnectionString);
        _reembedRuns = reembedRuns;
    }

    /// <summary>The source for a job's source string.</summary>
    public IImageSource Resolve(string source) =>
        _sources.GetOrAdd(source, s => StoredImageSource.TryParse(s, out Guid job)
            ? new StoredImageSource(job, _reembedRuns, _storedImages)
            : ImageSourceFactory.Create(s, _blobConnectionString));
}
