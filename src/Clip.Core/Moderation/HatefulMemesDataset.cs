using System.Text.Json;
using Clip.Core.Probes;

namespace Clip.Core.Moderation;

/// <summary>
/// A split of the Hateful Memes data set: a JSON-lines file with one meme per line,
/// <c>{"id": 42953, "img": "img/42953.png", "label": 0, "text": "..."}</c>. <c>img</c> is relative to the file's
/// folder; <c>label</c> (0 or 1) may be missing, as in the unlabelled test splits; <c>id</c> may be a number or a
/// string. Blank lines are skipped; any other bad line is an error naming the file and line.
/// </summary>
public sealed class HatefulMemesDataset
{
    private HatefulMemesDataset(string source, IReadOnlyList<HatefulMeme> memes)
    {
        Source = source;
        Memes = memes;
    }

    /// <summary>The file read.</summary>
    public string Source { get; }

    /// <summary>The memes, in file order.</summary>
    public IReadOnlyList<HatefulMeme> Memes { get; }

    /// <summary>Reads the file; throws <see cref="FileNotFoundException"/> or <see cref="FormatException"/>.</summary>
    public static HatefulMemesDataset Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Hateful Memes file '{path}' does not exist.", path);
        }

        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return Parse(File.ReadLines(path), folder, path);
    }

    /// <summary>Parses JSON lines whose <c>img</c> paths are relative to <paramref name="baseDirectory"/>.</summary>
    public static HatefulMemesDataset Parse(IEnumerable<string> lines, string baseDirectory, string source)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentException.ThrowIfNullOrWhiteSpace(baseDirectory);
        var memes = new List<HatefulMeme>();
        int number = 0;
        foreach (string line in lines)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                memes.Add(ParseLine(line, baseDirectory, $"{source} line {number}"));
            }
        }

        return memes.Count > 0
            ? new HatefulMemesDataset(source, memes)
            : throw new FormatException($"'{source}' holds no memes.");
    }

    /// <summary>
    /// Embeds every meme's image and text with the embedder's model. Memes whose image cannot be read are
    /// reported in <see cref="HatefulMemeEmbeddings.Failures"/> and left out.
    /// </summary>
    public async Task<HatefulMemeEmbeddings> EmbedAsync(ImageFileEmbedder embedder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ImageFileEmbeddings images = await embedder
            .EmbedAsync(Memes.Select(meme => meme.ImagePath).ToArray(), cancellationToken)
            .ConfigureAwait(false);
        HatefulMeme[] embedded = images.Embedded.Select(i => Memes[i]).ToArray();
        var texts = embedder.Model.TextEncoder.Encode(embedded.Select(meme => meme.Text).ToArray(), cancellationToken);
        return new HatefulMemeEmbeddings(embedded, images.Embeddings, texts, images.Failures, embedder.Source);
    }

    private static HatefulMeme ParseLine(string line, string baseDirectory, string where)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(line);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{where}: expected a JSON object.");
            }

            string id = Field(root, "id", where) switch
            {
                { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
                { ValueKind: JsonValueKind.String } s when s.GetString() is { Length: > 0 } name => name,
                _ => throw new FormatException($"{where}: 'id' must be a number or a non-empty string."),
            };
            string image = Text(root, "img", where);
            string text = root.TryGetProperty("text", out JsonElement t) && t.ValueKind == JsonValueKind.String
                ? t.GetString()!
                : throw new FormatException($"{where}: 'text' must be a string (it may be empty).");
            return new HatefulMeme(id, Path.GetFullPath(Path.Combine(baseDirectory, image)), text, Label(root, where));
        }
        catch (JsonException e)
        {
            throw new FormatException($"{where}: not valid JSON: {e.Message}", e);
        }
    }

    private static JsonElement Field(JsonElement root, string key, string where) =>
        root.TryGetProperty(key, out JsonElement value)
            ? value
            : throw new FormatException($"{where}: '{key}' is missing.");

    private static string Text(JsonElement root, string key, string where) =>
        Field(root, key, where) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } s
            ? s
            : throw new FormatException($"{where}: '{key}' must be a non-empty string.");

    private static bool? Label(JsonElement root, string where)
    {
        if (!root.TryGetProperty("label", out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int label) && label is 0 or 1
            ? label == 1
            : throw new FormatException($"{where}: 'label' must be 0 or 1, not {value.GetRawText()}.");
    }
}
