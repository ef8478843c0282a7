using System.Runtime.CompilerServices;
using Pipeline.Contracts;

namespace Pipeline.Sources;

/// <summary>Images under a local folder, walked recursively in ordinal name order; or a single file.</summary>
public sealed class LocalFolderSource : IImageSource
{
    private readonly string _root;

    /// <summary>Creates a source for a folder or a single image file.</summary>
    public LocalFolderSource(string path)
    {
        _root = Path.GetFullPath(path);
        if (!Directory.Exists(_root) && !File.Exists(_root))
        {
            throw new DirectoryNotFoundException($"The source folder '{_root}' does not exist.");
        }
    }

    /// <inheritdoc />
    public string Description => _root;

    /// <inheritdoc />
    public async IAsyncEnumerable<IReadOnlyList<ImageReference>> ListPagesAsync(
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var page = new List<ImageReference>(pageSize);
        foreach (string file in EnumerateFiles(_root))
        {
            cancellationToken.ThrowIfCancellationRequested();
            page.Add(new ImageReference(file, new FileInfo(file).Length));
            if (page.Count == pageSize)
            {
                yield return page;
                page = new List<ImageReference>(pageSize);
                await Task.Yield();
            }
        }

        if (page.Count > 0)
        {
            yield return page;
        }
    }

    /// <inheritdoc />
    public async Task<byte[]> ReadAsync(ImageReference image, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            var info = new FileInfo(image.Uri);
            if (!info.Exists)
            {
                throw new ImageReadException("not-found", $"The file no longer exists: {image.Uri}.");
            }

            if (info.Length > maxBytes)
            {
                throw new ImageReadException(
                    "too-large",
                    $"The file has {info.Length:N0} bytes, over the limit of {maxBytes:N0}.");
            }

            return await File.ReadAllBytesAsync(image.Uri, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageReadException("read-failed", $"The file could not be read: {e.Message}", false, e);
        }
    }

    private static IEnumerable<string> EnumerateFiles(string root)
    {
        if (File.Exists(root))
        {
            yield return root;
            yield break;
        }

        // Depth-first with sorted entries, so that listings are stable from run to run and resumable.
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            string dir = pending.Pop();
            string[] files = Directory.GetFiles(dir);
            Array.Sort(files, StringComparer.Ordinal);
            foreach (string file in files)
            {
                if (ImageFileTypes.LooksLikeImage(file))
                {
                    yield return file;
                }
            }

            string[] subdirs = Directory.GetDirectories(dir);
            Array.Sort(subdirs, StringComparer.Ordinal);
            for (int i = subdirs.Length - 1; i >= 0; i--)
            {
                pending.Push(subdirs[i]);
            }
        }
    }
}
