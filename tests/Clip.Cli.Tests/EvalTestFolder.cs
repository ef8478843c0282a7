using System.Text.Json;
using Clip.Core.Tests;

namespace Clip.Cli.Tests;

/// <summary>A temporary folder holding data sets made of the repository's sample photos; deleted on dispose.</summary>
internal sealed class EvalTestFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("clip-eval-").FullName;

    public static string Sample(string name) => Path.Combine(SharedData.RepositoryRoot, "samples", "images", name);

    public static string Policy => Path.Combine(SharedData.RepositoryRoot, "docs", "examples", "policies",
        "hateful-memes.json");

    public string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>
    /// Copies sample photos into <c>name/class/</c> folders; a photo listed twice in a class gets a second copy.
    /// Returns the data set folder.
    /// </summary>
    public string ClassFolders(string name, IReadOnlyDictionary<string, string[]> classes)
    {
        foreach ((string className, string[] samples) in classes)
        {
            string folder = PathOf(name, className);
            Directory.CreateDirectory(folder);
            for (int i = 0; i < samples.Length; i++)
            {
                File.Copy(Sample(samples[i]), Path.Combine(folder, $"{i}-{samples[i]}"));
            }
        }

        return PathOf(name);
    }

    /// <summary>Writes <paramref name="text"/> to a file in the folder; returns its path.</summary>
    public string Write(string name, string text)
    {
        File.WriteAllText(PathOf(name), text);
        return PathOf(name);
    }

    /// <summary>Hateful Memes JSON lines whose images are sample photos given by file name.</summary>
    public string Memes(string name, IEnumerable<(string Image, int Label, string Text)> memes)
    {
        var lines = memes.Select((meme, id) => JsonSerializer.Serialize(new
        {
            id,
            img = Sample(meme.Image),
            label = meme.Label,
            text = meme.Text,
        }));
        return Write(name, string.Join('\n', lines) + "\n");
    }

    public static JsonElement ReadJson(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    public static List<JsonElement> JsonLines(string output) => output
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => JsonDocument.Parse(line).RootElement)
        .ToList();

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
