using System.Globalization;
using System.Text.Json;

namespace Clip.Cli.Bench;

/// <summary>
/// transformers.js on Node.js (<c>benchmarks/peer/embed.mjs</c>, local files only, CPU): the same model folder and
/// images, its own decoding and preprocessing included. Each measurement is one Node.js process that also writes
/// the embeddings of its first, untimed pass.
/// </summary>
internal sealed class TransformersJsPeer(BenchContext context, string modelDirectory, string listFile)
{
    /// <summary>Where the last run wrote its embeddings.</summary>
    public string EmbeddingsFile { get; } = Path.Combine(
        context.Workspace.Root, $"peer-{Path.GetFileName(modelDirectory)}-embeddings.json");

    /// <summary>The folder with <c>embed.mjs</c>, <c>package.json</c> and, once installed, <c>node_modules</c>.
    /// </summary>
    public static string Folder(BenchContext context) =>
        Path.Combine(context.Settings.RepositoryRoot, "benchmarks", "peer");

    public BenchVariant Variant(string name, int batch) => new(name, async (slice, token) =>
    {
        string folder = Folder(context);
        string output = await ProcessRunner.RunAsync(
            "node",
            [
                Path.Combine(folder, "embed.mjs"),
                modelDirectory,
                listFile,
                slice.TotalSeconds.ToString(CultureInfo.InvariantCulture),
                context.Settings.Threads.ToString(CultureInfo.InvariantCulture),
                batch.ToString(CultureInfo.InvariantCulture),
                EmbeddingsFile,
            ],
            context.Log,
            token,
            workingDirectory: folder);
        using var result = JsonDocument.Parse(output);
        return result.RootElement.GetProperty("images_per_second").GetDouble();
    })
    {
        WarmUp = false,
    };

    /// <summary>The embeddings of the last run by file, or the reason a file failed.</summary>
    public Dictionary<string, (float[]? Embedding, string? Error)> ReadEmbeddings()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(EmbeddingsFile));
        var result = new Dictionary<string, (float[]?, string?)>(StringComparer.Ordinal);
        foreach (JsonProperty file in document.RootElement.EnumerateObject())
        {
            result[file.Name] = file.Value.ValueKind == JsonValueKind.Array
                ? (file.Value.EnumerateArray().Select(v => v.GetSingle()).ToArray(), null)
                : (null, file.Value.GetProperty("error").GetString());
        }

        return result;
    }
}
