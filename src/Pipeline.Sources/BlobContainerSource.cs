using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Pipeline.Contracts;

namespace Pipeline.Sources;

/// <summary>
/// Images in an Azure Blob Storage container under a prefix, listed with the service's own paging.
/// The source URL names the account, container and prefix; credentials come from a connection string when one
/// is given, else from a SAS token in the URL.
/// </summary>
public sealed class BlobContainerSource : IImageSource
{
    private readonly BlobContainerClient _container;
    private readonly string _prefix;

    /// <summary>Creates the source from a container URL (with an optional prefix path) and credentials.</summary>
    public BlobContainerSource(Uri containerUrl, string? connectionString)
    {
        var parts = new BlobUriBuilder(containerUrl);
        if (string.IsNullOrEmpty(parts.BlobContainerName))
        {
            throw new ArgumentException($"The blob URL '{Redact(containerUrl)}' names no container.");
        }

        _prefix = parts.BlobName ?? string.Empty;
        _container = string.IsNullOrWhiteSpace(connectionString)
            ? new BlobContainerClient(new BlobUriBuilder(containerUrl) { BlobName = string.Empty }.ToUri())
            : new BlobServiceClient(connectionString).GetBlobContainerClient(parts.BlobContainerName);

        // The credentials must be for the account the URL names, or the job would read another account's blobs.
        var served = new BlobUriBuilder(_container.Uri);
        if (!string.Equals(served.Host, parts.Host, StringComparison.OrdinalIgnoreCase)
            || served.Port != parts.Port
            || !string.Equals(served.AccountName, parts.AccountName, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The source URL names account '{parts.AccountName}' at {parts.Host}:{parts.Port}, but the blob " +
                $"connection string is for '{served.AccountName}' at {served.Host}:{served.Port}.");
        }
        Description = $"{Redact(containerUrl)}";
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public async IAsyncEnumerable<IReadOnlyList<ImageReference>> ListPagesAsync(
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        await using IAsyncEnumerator<Page<BlobItem>> pages = _container
            .GetBlobsAsync(BlobTraits.None, BlobStates.None, _prefix, cancellationToken)
            .AsPages(pageSizeHint: pageSize)
            .GetAsyncEnumerator(cancellationToken);
        while (await NextPageAsync(pages).ConfigureAwait(false))
        {
            Page<BlobItem> page = pages.Current;
            var images = new List<ImageReference>(page.Values.Count);
            foreach (BlobItem blob in page.Values)
            {
                if (ImageFileTypes.LooksLikeImage(blob.Name))
                {
                    images.Add(new ImageReference(UriOf(blob.Name), blob.Properties.ContentLength));
                }
            }

            if (images.Count > 0)
            {
                yield return images;
            }
        }
    }

    /// <inheritdoc />
    public async Task<byte[]> ReadAsync(ImageReference image, long maxBytes, CancellationToken cancellationToken)
    {
        string name = NameOf(image.Uri);
        BlobClient blob = _container.GetBlobClient(name);
        try
        {
            if (image.ByteSize > maxBytes)
            {
                throw TooLarge(image.ByteSize.Value, maxBytes);
            }

            BlobDownloadResult result = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            ReadOnlyMemory<byte> bytes = result.Content.ToMemory();
            return bytes.Length > maxBytes ? throw TooLarge(bytes.Length, maxBytes) : bytes.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new ImageReadException("not-found", $"The blob '{name}' no longer exists.", false, e);
        }
        catch (RequestFailedException e)
        {
            bool transient = e.Status is 0 or 408 or 429 or >= 500;
            throw new ImageReadException("read-failed", $"Reading blob '{name}' failed: {e.ErrorCode}.", transient, e);
        }
    }

    // The service's own error is an XML document with request headers: the user gets its status, code and a hint.
    private async ValueTask<bool> NextPageAsync(IAsyncEnumerator<Page<BlobItem>> pages)
    {
        try
        {
            return await pages.MoveNextAsync().ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            string hint = e.Status switch
            {
                403 => "the credentials were refused; give the account's connection string with " +
                    "--blob-connection-string or AZURE_STORAGE_CONNECTION_STRING",
                404 => "the container does not exist",
                _ => "the storage service refused the listing",
            };
            throw new IOException(
                $"Listing {Description} failed with status {e.Status} ({e.ErrorCode ?? "no error code"}): {hint}.",
                e);
        }
    }

    private string UriOf(string blobName) => _container.GetBlobClient(blobName).Uri.AbsoluteUri;

    private string NameOf(string uri) => new BlobUriBuilder(new Uri(uri)).BlobName;

    private static ImageReadException TooLarge(long size, long max) =>
        new("too-large", $"The blob has {size:N0} bytes, over the limit of {max:N0}.");

    private static string Redact(Uri url) => url.GetLeftPart(UriPartial.Path);
}
