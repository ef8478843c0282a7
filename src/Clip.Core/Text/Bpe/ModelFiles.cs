namespace Clip.Core.Text.Bpe;

/// <summary>Checks and line parsing shared by the tokenizer file readers.</summary>
internal static class ModelFiles
{
    /// <summary>Throws <see cref="FileNotFoundException"/> naming <paramref name="path"/> when it does not exist.</summary>
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
}
