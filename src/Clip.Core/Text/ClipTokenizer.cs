using Clip.Core.Text.Bpe;

namespace Clip.Core.Text;

/// <summary>
/// CLIP's text tokenizer, matching OpenAI's reference (<c>clip.tokenize</c> with <c>truncate=True</c>) id for id:
/// text is cleaned (<see cref="TextCleaner"/>), split into words (<see cref="PreTokenizer"/>) and each word is
/// byte-pair encoded. Thread-safe; the ids of recent words are cached. A symbol that a smaller vocabulary lacks is
/// encoded as its unknown token (<c>unk_token</c> of a <c>tokenizer.json</c>, else end-of-text, as in Hugging
/// Face's CLIP tokenizers).
/// </summary>
public sealed class ClipTokenizer
{
    /// <summary>CLIP's context length: the number of ids fed to the text encoder.</summary>
    public const int DefaultContextLength = 77;

    // Words per cache generation; two generations are kept (see BpeWordCache).
    private const int WordCacheGenerationCapacity = 20_000;

    [ThreadStatic]
    private static List<int>? t_tokens;

    private readonly BpeModel _model;
    private readonly BpeWordCache _cache = new(WordCacheGenerationCapacity);

    private ClipTokenizer(BpeVocabulary vocabulary, int contextLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(contextLength, 2);
        _model = new BpeModel(vocabulary);
        ContextLength = contextLength;
    }

    /// <summary>Ids per encoded text: start-of-text, the text's ids, end-of-text, zero padding.</summary>
    public int ContextLength { get; }

    /// <summary>Id of <c>&lt;|startoftext|&gt;</c> (49406 in CLIP's vocabulary).</summary>
    public int StartOfTextId => _model.StartOfTextId;

    /// <summary>Id of <c>&lt;|endoftext|&gt;</c> (49407 in CLIP's vocabulary).</summary>
    public int EndOfTextId => _model.EndOfTextId;

    /// <summary>One more than the largest token id: the row count of the text encoder's token embedding.</summary>
    public int VocabularySize => _model.VocabularySize;

    /// <summary>Loads OpenAI's merge list <c>bpe_simple_vocab_16e6.txt.gz</c>.</summary>
    public static ClipTokenizer FromBpeMergesGz(string path, int contextLength = DefaultContextLength) =>
        new(ClipMergesFile.Read(path), contextLength);

    /// <summary>
    /// Loads Hugging Face <c>vocab.json</c> and <c>merges.txt</c>; the special tokens' ids come from
    /// <c>vocab.json</c>.
    /// </summary>
    public static ClipTokenizer FromVocabAndMerges(
        string vocabJsonPath,
        string mergesTxtPath,
        int contextLength = DefaultContextLength) =>
        new(HuggingFaceVocabFiles.Read(vocabJsonPath, mergesTxtPath), contextLength);

    /// <summary>
    /// Loads a Hugging Face <c>tokenizer.json</c> with a byte-level BPE model and the "&lt;/w&gt;" end-of-word
    /// suffix. Its normalizer and pre-tokenizer are not used: text is cleaned and split as the reference does.
    /// </summary>
    public static ClipTokenizer FromTokenizerJson(string path, int contextLength = DefaultContextLength) =>
        new(TokenizerJsonFile.Read(path), contextLength);

    /// <summary>
    /// Loads the tokenizer of a model folder: <c>tokenizer.json</c> when present, else <c>vocab.json</c> with
    /// <c>merges.txt</c>. Throws <see cref="FileNotFoundException"/> naming the folder and the expected files when
    /// it holds neither.
    /// </summary>
    public static ClipTokenizer FromModelDirectory(string directory, int contextLength = DefaultContextLength) =>
        new(ModelFiles.ReadDirectory(directory), contextLength);

    /// <summary>
    /// Encodes <paramref name="text"/> into exactly <see cref="ContextLength"/> ids: start-of-text, the text's ids,
    /// end-of-text, zeros. A text too long keeps its first ids and ends with end-of-text.
    /// </summary>
    public int[] Encode(string text)
    {
        var ids = new int[ContextLength];
        List<int> tokens = TokensUpToContext(text);
        ids[0] = StartOfTextId;
        int count = Math.Min(tokens.Count, ContextLength - 2);
        tokens.CopyTo(0, ids, 1, count);
        ids[count + 1] = EndOfTextId;
        return ids;
    }

    /// <summary>
    /// Encodes like <see cref="Encode(string)"/> into <paramref name="destination"/>, which must hold exactly
    /// <see cref="ContextLength"/> ids (e.g. one row of an int64 model input).
    /// </summary>
    public void Encode(string text, Span<long> destination)
    {
        if (destination.Length != ContextLength)
        {
            throw new ArgumentException(
                $"The destination holds {destination.Length} ids; the context length is {ContextLength}.",
                nameof(destination));
        }

        List<int> tokens = TokensUpToContext(text);
        destination.Clear();
        destination[0] = StartOfTextId;
        int count = Math.Min(tokens.Count, ContextLength - 2);
        for (int index = 0; index < count; index++)
        {
            destination[index + 1] = tokens[index];
        }

        destination[count + 1] = EndOfTextId;
    }

    /// <summary>The ids of <paramref name="text"/> alone: no special tokens, no padding, no truncation.</summary>
    public IReadOnlyList<int> EncodeTokens(string text)
    {
        var tokens = new List<int>();
        AppendTokens(text, tokens, int.MaxValue);
        return tokens;
    }

    // Ids past ContextLength - 2 are cut off anyway, so encoding stops there.
    private List<int> TokensUpToContext(string text)
    {
        List<int> tokens = t_tokens ??= new List<int>(DefaultContextLength);
        tokens.Clear();
        AppendTokens(text, tokens, ContextLength - 2);
        return tokens;
    }

    private void AppendTokens(string text, List<int> tokens, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        string cleaned = TextCleaner.Clean(text);
        foreach (Range range in PreTokenizer.Enumerate(cleaned))
        {
            if (tokens.Count >= limit)
            {
                return;
            }

            ReadOnlySpan<char> word = cleaned.AsSpan(range);
            if (word.SequenceEqual(WordPatterns.StartOfText))
            {
                tokens.Add(StartOfTextId);
            }
            else if (word.SequenceEqual(WordPatterns.EndOfText))
            {
                tokens.Add(EndOfTextId);
            }
            else
            {
                tokens.AddRange(WordIds(word));
            }
        }
    }

    private int[] WordIds(ReadOnlySpan<char> word)
    {
        if (!_cache.TryGet(word, out int[] ids))
        {
            ids = _model.EncodeWord(word);
            _cache.Add(word.ToString(), ids);
        }

        return ids;
    }
}
