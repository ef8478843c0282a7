using System.Text.Json;
using Clip.Core.Text;

namespace Clip.Core.Tests.Text;

public sealed class HuggingFaceTokenizerFilesTests
{
    // A toy byte-level vocabulary: "abc" merges to one token, "d" has no entry at all.
    private const string TinyVocabJson = """
        {"a": 0, "b": 1, "c": 2, "a</w>": 3, "b</w>": 4, "c</w>": 5, "ab": 6, "abc</w>": 7,
         "<|startoftext|>": 8, "<|endoftext|>": 9}
        """;

    private const string TinyMergesTxt = "#version: 0.2\na b\nab c</w>\n";

    [Fact]
    public void FromVocabAndMerges_TinyVocabulary_AppliesMergesInRankOrder()
    {
        using var folder = new TemporaryFolder();
        ClipTokenizer tokenizer = ClipTokenizer.FromVocabAndMerges(
            folder.Write("vocab.json", TinyVocabJson),
            folder.Write("merges.txt", TinyMergesTxt));

        Assert.Equal([7], tokenizer.EncodeTokens("abc"));
        Assert.Equal([2, 0, 4], tokenizer.EncodeTokens("cab"));
        Assert.Equal([7, 0, 4, 3], tokenizer.EncodeTokens("ABC ab a"));
    }

    [Fact]
    public void FromVocabAndMerges_TinyVocabulary_TakesSpecialIdsFromVocabJson()
    {
        using var folder = new TemporaryFolder();
        ClipTokenizer tokenizer = ClipTokenizer.FromVocabAndMerges(
            folder.Write("vocab.json", TinyVocabJson),
            folder.Write("merges.txt", TinyMergesTxt),
            contextLength: 5);

        Assert.Equal(8, tokenizer.StartOfTextId);
        Assert.Equal(9, tokenizer.EndOfTextId);
        Assert.Equal(10, tokenizer.VocabularySize);
        Assert.Equal([8, 7, 5, 9, 0], tokenizer.Encode("abc c"));
    }

    [Fact]
    public void FromVocabAndMerges_SymbolMissingFromVocabulary_GivesEndOfTextId()
    {
        using var folder = new TemporaryFolder();
        ClipTokenizer tokenizer = ClipTokenizer.FromVocabAndMerges(
            folder.Write("vocab.json", TinyVocabJson),
            folder.Write("merges.txt", TinyMergesTxt));

        Assert.Equal([0, 9], tokenizer.EncodeTokens("ad"));
    }

    [Theory]
    [InlineData("""[["a", "b"], ["ab", "c</w>"]]""")]
    [InlineData("""["a b", "ab c</w>"]""")]
    public void FromTokenizerJson_EitherMergeForm_AppliesMergesAndAddedTokens(string merges)
    {
        using var folder = new TemporaryFolder();
        string json = $$$"""
            {"added_tokens": [{"id": 20, "content": "<|startoftext|>"}, {"id": 21, "content": "<|endoftext|>"}],
             "model": {"type": "BPE", "end_of_word_suffix": "</w>", "unk_token": "c",
                       "vocab": {"a": 0, "b": 1, "c": 2, "b</w>": 4, "ab": 6, "abc</w>": 7},
                       "merges": {{{merges}}}}}
            """;

        ClipTokenizer tokenizer = ClipTokenizer.FromTokenizerJson(folder.Write("tokenizer.json", json), 6);

        Assert.Equal(20, tokenizer.StartOfTextId);
        Assert.Equal(21, tokenizer.EndOfTextId);
        Assert.Equal(22, tokenizer.VocabularySize);
        Assert.Equal([20, 7, 0, 4, 2, 21], tokenizer.Encode("abc ab d"));
    }

    [Fact]
    public void FromTokenizerJson_OtherEndOfWordSuffix_ThrowsNamingTheFile()
    {
        using var folder = new TemporaryFolder();
        string path = folder.Write(
            "tokenizer.json",
            """{"model": {"type": "BPE", "end_of_word_suffix": "", "vocab": {}, "merges": []}}""");

        var error = Assert.Throws<InvalidDataException>(() => ClipTokenizer.FromTokenizerJson(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromVocabAndMerges_VocabularyWithoutSpecialTokens_ThrowsNamingTheToken()
    {
        using var folder = new TemporaryFolder();
        string vocab = folder.Write("vocab.json", """{"a": 0, "a</w>": 1}""");
        string merges = folder.Write("merges.txt", "#version: 0.2\n");

        var error = Assert.Throws<InvalidDataException>(() => ClipTokenizer.FromVocabAndMerges(vocab, merges));

        Assert.Contains("<|startoftext|>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromVocabAndMerges_MissingMergesFile_ThrowsNamingThePath()
    {
        using var folder = new TemporaryFolder();
        string vocab = folder.Write("vocab.json", TinyVocabJson);
        string merges = Path.Combine(folder.Path, "merges.txt");

        var error = Assert.Throws<FileNotFoundException>(() => ClipTokenizer.FromVocabAndMerges(vocab, merges));

        Assert.Contains(merges, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromModelDirectory_BothFormatsPresent_PrefersTokenizerJson()
    {
        using var folder = new TemporaryFolder();
        folder.Write("vocab.json", TinyVocabJson);
        folder.Write("merges.txt", TinyMergesTxt);
        folder.Write("tokenizer.json", JsonSerializer.Serialize(new
        {
            model = new
            {
                type = "BPE",
                end_of_word_suffix = "</w>",
                vocab = new Dictionary<string, int> { ["<|startoftext|>"] = 1, ["<|endoftext|>"] = 2 },
                merges = Array.Empty<string>(),
            },
        }));

        ClipTokenizer tokenizer = ClipTokenizer.FromModelDirectory(folder.Path);

        Assert.Equal(1, tokenizer.StartOfTextId);
    }

    [Fact]
    public void FromModelDirectory_OnlyVocabAndMerges_LoadsThem()
    {
        using var folder = new TemporaryFolder();
        folder.Write("vocab.json", TinyVocabJson);
        folder.Write("merges.txt", TinyMergesTxt);

        ClipTokenizer tokenizer = ClipTokenizer.FromModelDirectory(folder.Path);

        Assert.Equal([7], tokenizer.EncodeTokens("abc"));
    }

    [Fact]
    public void FromModelDirectory_NoTokenizerFiles_ThrowsNamingFolderAndExpectedFiles()
    {
        using var folder = new TemporaryFolder();
        folder.Write("vocab.json", TinyVocabJson);

        var error = Assert.Throws<FileNotFoundException>(() => ClipTokenizer.FromModelDirectory(folder.Path));

        Assert.Contains(folder.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("tokenizer.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("vocab.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("merges.txt", error.Message, StringComparison.Ordinal);
    }
}
