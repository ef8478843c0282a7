namespace Clip.Core.Text.Bpe;

/// <summary>What a byte-level BPE tokenizer file holds, whatever its format.</summary>
/// <param name="Source">The file or files it was read from, for error messages.</param>
/// <param name="TokenIds">Token text to id, special tokens included.</param>
/// <param name="Merges">The merges, highest priority first.</param>
/// <param name="UnknownToken">The token used for symbols missing from the vocabulary, if the file names one.</param>
internal sealed record BpeVocabulary(
    string Source,
    IReadOnlyDictionary<string, int> TokenIds,
    IReadOnlyList<(string Left, string Right)> Merges,
    string? UnknownToken);
