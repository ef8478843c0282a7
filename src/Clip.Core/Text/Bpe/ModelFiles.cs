namespace Clip.Core.Text.Bpe;

/// <summary>Checks and line parsing shared by the tokenizer file readers.</summary>
internal static class ModelFiles
{
    /// <summary>Throws <see cref="FileNotFoundException"/> naming <paramref name="path"/> if it is missing.</summary>
    public static void EnsureExists(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Tokenizer file '{Path.GetFullPath(path)}' does not exist.", path);
        }
    }

    /// <summary>Parses one "left right" merge line.</summary>
    public static (string Left, string Right) ParseMerge(string line, string source, int lineNumber)
    {
        string[] parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2
            ? (parts[0], parts[1])
            : throw new InvalidDataException(
                $"Line {lineNumber} of '{source}' is not a merge of two symbols separated by a space: '{line}'.");
    }

    /// <summary>
    /// Reads the tokenizer of a model folder: <c>tokenizer.json</c> when present, else <c>vocab.json</c> with
    /// <c>merges.txt</c>; throws <see cref="FileNotFoundException"/> naming the folder and the files otherwise.
    /// </summary>
    public static BpeVocabulary ReadDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string tokenizerJson = Path.Combine(directory, "tokenizer.json");
        string vocabJson = Path.Combine(directory, "vocab.json");
        string mergesTxt = Path.Combine(directory, "merges.txt");
        if (File.Exists(tokenizerJson))
        {
            return TokenizerJsonFile.Read(tokenizerJson);
        }

        if (File.Exists(vocabJson) && File.Exists(mergesTxt))
        {
            return HuggingFaceVocabFiles.Read(vocabJson, mergesTxt);
        }

        throw new FileNotFoundException(
            $"No tokenizer in '{Path.GetFullPath(directory)}': expected 'tokenizer.json', or 'vocab.json' together "
            + "with 'merges.txt'.");
    }
}
