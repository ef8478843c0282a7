using System.Text.Json;

namespace Clip.Core.Text.Bpe;

/// <summary>
/// Reads a Hugging Face <c>tokenizer.json</c> whose model is byte-level BPE with the "&lt;/w&gt;" end-of-word
/// suffix, as CLIP's is. Merges may be "left right" strings or [left, right] pairs; <c>added_tokens</c> add or
/// override ids. The file's normalizer and pre-tokenizer are not used: text is cleaned and split as the reference
/// does.
/// </summary>
internal static class TokenizerJsonFile
{
    // Limitation: the file's normalizer, pre-tokenizer and post-processor are ignored; a file built for another
    // normalization would encode differently here than in the Hugging Face library.

    /// <summary>Reads the BPE model of the file.</summary>
    public static BpeVocabulary Read(string path)
    {
        ModelFiles.EnsureExists(path);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        JsonElement root = document.RootElement;
        if (!root.TryGetProperty("model", out JsonElement model) || model.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"'{path}' has no \"model\" object.");
        }

        string? type = OptionalString(model, "type");
        if (type is not null && type != "BPE")
        {
            throw new InvalidDataException($"The model in '{path}' is of type '{type}'; only BPE is supported.");
        }

        string? suffix = OptionalString(model, "end_of_word_suffix");
        if (suffix != BpeModel.EndOfWordSuffix)
        {
            throw new InvalidDataException(
                $"The model in '{path}' has end_of_word_suffix '{suffix}'; CLIP's byte-level BPE needs '</w>'.");
        }

        if (!model.TryGetProperty("vocab", out JsonElement vocab))
        {
            throw new InvalidDataException($"The model in '{path}' has no \"vocab\".");
        }

        Dictionary<string, int> ids = HuggingFaceVocabFiles.ReadTokenIds(vocab, path);
        AddTokens(root, ids);
        return new BpeVocabulary($"'{path}'", ids, ReadMerges(model, path), OptionalString(model, "unk_token"));
    }

    private static List<(string, string)> ReadMerges(JsonElement model, string path)
    {
        var merges = new List<(string, string)>();
        if (!model.TryGetProperty("merges", out JsonElement array) || array.ValueKind != JsonValueKind.Array)
        {
            return merges;
        }

        foreach (JsonElement merge in array.EnumerateArray())
        {
            merges.Add(merge.ValueKind switch
            {
                JsonValueKind.String => ModelFiles.ParseMerge(merge.GetString()!, path, merges.Count + 1),
                JsonValueKind.Array when merge.GetArrayLength() == 2 =>
                    (merge[0].GetString()!, merge[1].GetString()!),
                _ => throw new InvalidDataException(
                    $"Merge {merges.Count + 1} in '{path}' is neither \"a b\" nor [a, b]."),
            });
        }

        return merges;
    }

    private static void AddTokens(JsonElement root, Dictionary<string, int> ids)
    {
        if (root.TryGetProperty("added_tokens", out JsonElement added) && added.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement token in added.EnumerateArray())
            {
                ids[token.GetProperty("content").GetString()!] = token.GetProperty("id").GetInt32();
            }
        }
    }

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
