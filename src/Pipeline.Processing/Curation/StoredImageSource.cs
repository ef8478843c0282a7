using System.Runtime.CompilerServices;
using Pipeline.Contracts;
using Pipeline.Sources;
using Pipeline.Storage.Postgres.Curation;

namespace Pipeline.Processing.Curation;

/// <summary>
/// The source of a re-embedding job, written <c>stored-images:reembed/JOB_ID</c>: it lists the job's snapshot of
/// images that lacked an embedding (from PostgreSQL, page by page by image identifier) and reads each image from
/// its own blob or file. The snapshot never changes, so a resumed job lists the same batches.
/// </summary>
public sealed class StoredImageSource : IImageSource
{
    /// <summary>What a job's source string starts with.</summary>
    public const string Prefix = "stored-images:reembed/";

    private readonly Guid _jobId;
    private readonly ReembedRunRepository? _runs;
    private readonly StoredImageReader _reader;

    /// <summary>Creates the source; without <paramref name="runs"/> (a worker) it reads but cannot list.</summary>
    public StoredImageSource(Guid jobId, ReembedRunRepository? runs, StoredImageReader reader)
    {
        _jobId = jobId;
        _runs = runs;
        _reader = reader;
    }

    /// <inheritdoc />
    public string Description => Format(_jobId);

    /// <summary>The source string of a re-embedding job.</summary>
    public static string Format(Guid jobId) => Prefix + jobId.ToString("D");

    /// <summary>True, with the job, when <paramref name="source"/> is a re-embedding source.</summary>
    public static bool TryParse(string source, out Guid jobId)
    {
        jobId = Guid.Empty;
        return source is not null
            && source.StartsWith(Prefix, StringComparison.Ordinal)
            && Guid.TryParseExact(source[Prefix.Length..], "D", out jobId);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<IReadOnlyList<ImageReference>> ListPagesAsync(
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        ReembedRunRepository runs = _runs ?? throw new InvalidOperationException(
            $"Listing {Description} needs PostgreSQL; only an orchestrator with curation enabled lists it.");
        long after = 0;
        while (true)
        {
            var page = await runs.ListPageAsync(_jobId, after, pageSize, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                yield break;
            }

            after = page[^1].ImageId;
            yield return page.Select(p => new ImageReference(p.SourceUri)).ToList();
        }
    }

    /// <inheritdoc />
    public Task<byte[]> ReadAsync(ImageReference image, long maxBytes, CancellationToken cancellationToken) =>
        _reader.ReadAsync(image, maxBytes, cancellationToken);
}
