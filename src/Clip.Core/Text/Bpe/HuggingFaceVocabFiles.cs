using System.Text.Json;

namespace Clip.Core.Text.Bpe;

/// <summary>
/// Reads the Hugging Face pair <c>vocab.json</c> (token to id, special tokens included) and <c>merges.txt</c>
/// (an optional "#version" header line, then one "left right" merge per line).
/// </summary>
internal static class HuggingFaceVocabFiles
{
    /// <summary>Reads both files.</summary>
    public static BpeVocabulary Read(string vocabJsonPath, string mergesTxtPath)
    {
        ModelFiles.EnsureExists(vocabJsonPath);
        ModelFiles.EnsureExists(mergesTxtPath);

        Dictionary<string, int> ids;
        using (JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(vocabJsonPath)))
        {
            ids = ReadTokenIds(document.RootElement, vocabJsonPath);
        }

        string[] lines = File.ReadAllText(mergesTxtPath).Split('\n');
        var merges = new List<(string, string)>(lines.Length);
        for (int line = 0; line < lines.Length; line++)
        {
            string text = lines[line].TrimEnd('\r');
            bool header = line == 0 && text.StartsWith("#version", StringComparison.Ordinal);
            if (!header && text.Length > 0)
            {
                merges.Add(ModelFiles.ParseMerge(text, mergesTxtPath, line + 1));
            }
        }

        return new BpeVocabulary($"'{vocabJsonPath}' and '{mergesTxtPath}'", ids, merges, UnknownToken: null);
    }

    /// <summary>Reads a JSON object that maps token text to id.</summary>
    public static Dictionary<string, int> ReadTokenIds(JsonElement vocabulary, string source)
    {
        if (vocabulary.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"The vocabulary in '{source}' is not a JSON object of token ids.");
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (JsonProperty entry in vocabulary.EnumerateObject())
        {
            ids[entry.Name] = entry.Value.GetInt32();
        }

        return ids;
    }
}
