namespace Clip.Core.Tests.Evaluation.Datasets;

/// <summary>A temporary folder for data set files, deleted on dispose.</summary>
internal sealed class DatasetFiles : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("clip-datasets-").FullName;

    /// <summary>Writes <paramref name="text"/> to the file <paramref name="name"/>; returns its full path.</summary>
    public string Write(string name, string text)
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public string PathOf(params string[] parts) => Path.GetFullPath(Path.Combine([Folder, .. parts]));

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
