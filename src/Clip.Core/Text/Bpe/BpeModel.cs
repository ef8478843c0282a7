using System.Buffers;
using System.Text;

namespace Clip.Core.Text.Bpe;

/// <summary>
/// A byte-level BPE vocabulary compiled for encoding: every symbol (token text) gets a dense number, and each merge
/// is keyed by the numbers of its two halves.
/// </summary>
internal sealed class BpeModel
{
    /// <summary>The suffix that marks the last symbol of a word.</summary>
    public const string EndOfWordSuffix = "</w>";

    private const int StackLimit = 256;

    private readonly Dictionary<string, int> _symbolNumbers = new(StringComparer.Ordinal);
    private readonly List<int> _symbolTokenIds = [];
    private readonly int[] _tokenIdOfSymbol;
    private readonly Dictionary<long, (int Rank, int Merged)> _merges;
    private readonly int[] _byteSymbols = new int[256];
    private readonly int[] _finalByteSymbols = new int[256];

    /// <summary>Compiles <paramref name="vocabulary"/>; fails when it lacks a special token.</summary>
    public BpeModel(BpeVocabulary vocabulary)
    {
        IReadOnlyDictionary<string, int> ids = vocabulary.TokenIds;
        StartOfTextId = RequiredId(vocabulary, WordPatterns.StartOfText);
        EndOfTextId = RequiredId(vocabulary, WordPatterns.EndOfText);
        UnknownId = vocabulary.UnknownToken is { } unknown && ids.TryGetValue(unknown, out int unknownId)
            ? unknownId
            : EndOfTextId;
        VocabularySize = ids.Count == 0 ? 0 : ids.Values.Max() + 1;

        for (int value = 0; value < 256; value++)
        {
            string symbol = ByteSymbols.ForByte((byte)value).ToString();
            _byteSymbols[value] = Intern(symbol, ids);
            _finalByteSymbols[value] = Intern(symbol + EndOfWordSuffix, ids);
        }

        // Like a Python dict built from the merge list, a repeated merge keeps its last rank.
        _merges = new Dictionary<long, (int, int)>(vocabulary.Merges.Count);
        for (int rank = 0; rank < vocabulary.Merges.Count; rank++)
        {
            (string left, string right) = vocabulary.Merges[rank];
            _merges[Key(Intern(left, ids), Intern(right, ids))] = (rank, Intern(left + right, ids));
        }

        _tokenIdOfSymbol = [.. _symbolTokenIds];
    }

    /// <summary>Id of <c>&lt;|startoftext|&gt;</c>.</summary>
    public int StartOfTextId { get; }

    /// <summary>Id of <c>&lt;|endoftext|&gt;</c>.</summary>
    public int EndOfTextId { get; }

    /// <summary>Id given to a symbol that has no vocabulary entry.</summary>
    public int UnknownId { get; }

    /// <summary>One more than the largest token id.</summary>
    public int VocabularySize { get; }

    /// <summary>The token ids of one word (a piece of cleaned text without special tokens).</summary>
    public int[] EncodeWord(ReadOnlySpan<char> word)
    {
        int byteCount = Encoding.UTF8.GetByteCount(word);
        byte[]? rentedBytes = byteCount > StackLimit ? ArrayPool<byte>.Shared.Rent(byteCount) : null;
        int[] symbols = ArrayPool<int>.Shared.Rent(byteCount);
        try
        {
            Span<byte> bytes = rentedBytes ?? stackalloc byte[StackLimit];
            Encoding.UTF8.GetBytes(word, bytes);
            for (int index = 0; index < byteCount - 1; index++)
            {
                symbols[index] = _byteSymbols[bytes[index]];
            }

            symbols[byteCount - 1] = _finalByteSymbols[bytes[byteCount - 1]];
            int count = BytePairMerger.Merge(symbols.AsSpan(0, byteCount), _merges);

            var tokenIds = new int[count];
            for (int index = 0; index < count; index++)
            {
                int tokenId = _tokenIdOfSymbol[symbols[index]];
                tokenIds[index] = tokenId >= 0 ? tokenId : UnknownId;
            }

            return tokenIds;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(symbols);
            if (rentedBytes is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedBytes);
            }
        }
    }

    /// <summary>The key of a merge of two symbol numbers.</summary>
    public static long Key(int left, int right) => ((long)left << 32) | (uint)right;

    private int Intern(string symbol, IReadOnlyDictionary<string, int> ids)
    {
        if (!_symbolNumbers.TryGetValue(symbol, out int number))
        {
            number = _symbolTokenIds.Count;
            _symbolNumbers.Add(symbol, number);
            _symbolTokenIds.Add(ids.TryGetValue(symbol, out int tokenId) ? tokenId : -1);
        }

        return number;
    }

    private static int RequiredId(BpeVocabulary vocabulary, string token) =>
        vocabulary.TokenIds.TryGetValue(token, out int id)
            ? id
            : throw new InvalidDataException($"The vocabulary in {vocabulary.Source} has no '{token}' token.");
}
