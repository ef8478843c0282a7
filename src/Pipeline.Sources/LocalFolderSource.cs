using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Pipeline.Contracts;

namespace Pipeline.Sources;

/// <summary>
/// Images under a local folder, walked recursively in ordinal name order (each real folder once, so symbolic
/// link loops end); or a single file. A folder that cannot be listed becomes one entry of its own, whose read
/// fails with the reason, so it shows up among the job's errors instead of stopping the job.
/// </summary>
public sealed class LocalFolderSource : IImageSource
{
    /// <summary>How long one file may take to read before it gets an error record.</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);

    private const int ChunkSize = 81920;

    private readonly string _root;
    private readonly ConcurrentDictionary<string, string> _unlistable = new(StringComparer.Ordinal);

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
            page.Add(new ImageReference(file, SizeOf(file)));
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
        ArgumentNullException.ThrowIfNull(image);
        if (_unlistable.TryGetValue(image.Uri, out string? reason))
        {
            throw new ImageReadException("read-failed", $"The folder could not be listed: {reason}");
        }

        // Limitation: a read that blocks in the operating system (a pipe with no writer) keeps one thread until
        // it returns; the image gets its timeout error and the job goes on without it.
        Task<byte[]> read = Task.Run(() => ReadBounded(image.Uri, maxBytes), CancellationToken.None);
        try
        {
            return await read.WaitAsync(ReadTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new ImageReadException(
                "read-timeout",
                $"Reading the file took over {ReadTimeout.TotalSeconds:F0} s; it may be a pipe or a device.");
        }
    }

    private static byte[] ReadBounded(string path, long maxBytes)
    {
        try
        {
            if (Directory.Exists(path) || !File.Exists(path))
            {
                throw new ImageReadException(
                    "not-found",
                    "The file is not there: deleted after the listing, or its name is not valid UTF-8.");
            }

            // Read straight into the result, without a stream buffer: a photo is read once and in one piece.
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            return ReadAll(file, maxBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageReadException("read-failed", $"The file could not be read: {e.Message}", false, e);
        }
    }

    /// <summary>
    /// Reads to the end, failing past <paramref name="maxBytes"/>. The size the file system reports only sizes the
    /// first buffer, so that a regular file lands in an array of its own length with no copy; it is not trusted
    /// further, since devices report 0 and grow forever.
    /// </summary>
    private static byte[] ReadAll(FileStream file, long maxBytes)
    {
        long reported = file.CanSeek ? file.Length : 0;
        long limit = Math.Min(maxBytes, Array.MaxLength - 1);
        if (reported > limit)
        {
            throw TooLarge(limit);
        }

        byte[] buffer = new byte[Math.Max(reported, 1)];
        Span<byte> probe = stackalloc byte[1];
        int filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                // Full: one more byte tells the end of a file of the reported size from a file that goes on.
                if (file.Read(probe) == 0)
                {
                    return buffer;
                }

                Array.Resize(ref buffer, (int)Math.Min(Math.Max(2L * buffer.Length, ChunkSize), limit + 1));
                buffer[filled++] = probe[0];
            }

            int read = file.Read(buffer, filled, buffer.Length - filled);
            if (read == 0)
            {
                return filled == buffer.Length ? buffer : buffer[..filled];
            }

            filled += read;
            if (filled > limit)
            {
                throw TooLarge(limit);
            }
        }
    }

    private static ImageReadException TooLarge(long limit) =>
        new("too-large", $"The file has over {limit:N0} bytes, the limit.");

    private static long? SizeOf(string file)
    {
        try
        {
            return new FileInfo(file).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private IEnumerable<string> EnumerateFiles(string root)
    {
        if (File.Exists(root))
        {
            yield return root;
            yield break;
        }

        // Depth-first with sorted entries, so that listings are stable from run to run and resumable.
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            string dir = pending.Pop();
            if (!visited.Add(RealPathOf(dir)))
            {
                continue;
            }

            string[] files;
            string[] subdirs;
            try
            {
                files = Directory.GetFiles(dir);
                subdirs = Directory.GetDirectories(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _unlistable[dir] = e.Message;
                files = [];
                subdirs = [];
            }

            if (_unlistable.ContainsKey(dir))
            {
                yield return dir;
                continue;
            }

            Array.Sort(files, StringComparer.Ordinal);
            foreach (string file in files)
            {
                if (ImageFileTypes.LooksLikeImage(file))
                {
                    yield return file;
                }
            }

            Array.Sort(subdirs, StringComparer.Ordinal);
            for (int i = subdirs.Length - 1; i >= 0; i--)
            {
                pending.Push(subdirs[i]);
            }
        }
    }

    private static string RealPathOf(string dir)
    {
        try
        {
            return new DirectoryInfo(dir).ResolveLinkTarget(returnFinalTarget: true)?.FullName
                ?? Path.GetFullPath(dir);
        }
        catch (IOException)
        {
            return Path.GetFullPath(dir);
        }
    }
}
