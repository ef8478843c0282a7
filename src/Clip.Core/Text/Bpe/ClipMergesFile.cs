using System.IO.Compression;
using System.Text;

namespace Clip.Core.Text.Bpe;

/// <summary>
/// Reads OpenAI's <c>bpe_simple_vocab_16e6.txt.gz</c>: gzip-compressed UTF-8, a header line, then one merge per line
/// ("left right"). The vocabulary is not stored; it is derived: the 256 byte symbols, the same with "&lt;/w&gt;",
/// one token per merge (its two halves joined), then the two special tokens.
/// </summary>
internal static class ClipMergesFile
{
    // The reference reads exactly this many merges after the header: 49152 - 256 - 2, which with the 512 byte
    // symbols and the 2 special tokens gives a vocabulary of 49408.
    private const int MergeCount = 48_894;

    /// <summary>Reads the merges and derives the vocabulary.</summary>
    public static BpeVocabulary Read(string path)
    {
        ModelFiles.EnsureExists(path);

        string text;
        using (var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress))
        using (var reader = new StreamReader(gzip, Encoding.UTF8))
        {
            text = reader.ReadToEnd();
        }

        string[] lines = text.Split('\n');
        var merges = new List<(string, string)>(MergeCount);
        for (int line = 1; line < lines.Length && merges.Count < MergeCount && lines[line].Length > 0; line++)
        {
            merges.Add(ModelFiles.ParseMerge(lines[line], path, line + 1));
        }

        var tokens = new List<string>(512 + merges.Count + 2);
        tokens.AddRange(ByteSymbols.IdOrder.Select(value => ByteSymbols.ForByte(value).ToString()));
        tokens.AddRange(ByteSymbols.IdOrder.Select(value => ByteSymbols.ForByte(value) + BpeModel.EndOfWordSuffix));
        tokens.AddRange(merges.Select(merge => merge.Item1 + merge.Item2));
        tokens.Add(WordPatterns.StartOfText);
        tokens.Add(WordPatterns.EndOfText);

        // As in a Python dict built from the list, a token listed twice keeps its later id.
        var ids = new Dictionary<string, int>(tokens.Count, StringComparer.Ordinal);
        for (int id = 0; id < tokens.Count; id++)
        {
            ids[tokens[id]] = id;
        }

        return new BpeVocabulary(path, ids, merges, UnknownToken: null);
    }
}
