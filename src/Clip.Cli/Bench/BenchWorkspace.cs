namespace Clip.Cli.Bench;

/// <summary>
/// A temporary folder for the bench's copies of images, made photos and outputs; deleted at the end. Image sets
/// are made on first use and shared by the stages.
/// </summary>
internal sealed class BenchWorkspace : IDisposable
{
    private readonly Dictionary<string, Task<IReadOnlyList<string>>> _sets = new(StringComparer.Ordinal);

    public BenchWorkspace()
    {
        Root = Directory.CreateTempSubdirectory("clip-bench-").FullName;
    }

    public string Root { get; }

    /// <summary>A new, empty folder under the workspace.</summary>
    public string NewFolder(string name)
    {
        string path = Path.Combine(Root, name);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        return Directory.CreateDirectory(path).FullName;
    }

    /// <summary>The files of an image set, made by <paramref name="make"/> the first time it is asked for.</summary>
    public Task<IReadOnlyList<string>> ImageSetAsync(string name, Func<string, Task<IReadOnlyList<string>>> make)
    {
        if (!_sets.TryGetValue(name, out Task<IReadOnlyList<string>>? set))
        {
            set = make(NewFolder(name));
            _sets[name] = set;
        }

        return set;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a child process that is shutting down; the folder is in the temp area.
        }
    }
}
