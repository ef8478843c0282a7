using System.IO.Compression;
using System.Text.Json;
using Clip.Core.Text;

namespace Clip.Core.Tests.Text;

/// <summary>
/// The reference merge list rewritten as Hugging Face files must tokenize exactly like the original. The files are
/// derived here from the vocabulary layout the reference describes, independently of the loaders under test.
/// </summary>
public sealed class ConvertedVocabularyTests : IDisposable
{
    private const int MergeCount = 48_894;

    private readonly TemporaryFolder _folder = new();
    private readonly List<string> _tokens;
    private readonly string[] _merges;

    public ConvertedVocabularyTests()
    {
        using var gzip = new GZipStream(File.OpenRead(ReferenceTokenizer.MergesPath), CompressionMode.Decompress);
        string[] lines = new StreamReader(gzip).ReadToEnd().Split('\n');
        _merges = lines[1..(MergeCount + 1)];

        List<string> bytes = ByteSymbolsInIdOrder();
        _tokens = [.. bytes, .. bytes.Select(symbol => symbol + "</w>"), .. _merges.Select(m => m.Replace(" ", ""))];
        _tokens.AddRange(["<|startoftext|>", "<|endoftext|>"]);
    }

    public static TheoryData<int> Lines => TokenizerCase.LineNumbers;

    [Fact]
    public void FromVocabAndMerges_ConvertedReferenceFiles_EncodeLikeTheOriginal()
    {
        ClipTokenizer converted = ClipTokenizer.FromVocabAndMerges(
            _folder.Write("vocab.json", JsonSerializer.Serialize(VocabularyIds())),
            _folder.Write("merges.txt", "#version: 0.2\n" + string.Join('\n', _merges) + "\n"));

        AssertSameIds(converted);
    }

    [Fact]
    public void FromTokenizerJson_ConvertedReferenceFile_EncodesLikeTheOriginal()
    {
        var model = new
        {
            model = new
            {
                type = "BPE",
                end_of_word_suffix = "</w>",
                unk_token = "<|endoftext|>",
                vocab = VocabularyIds(),
                merges = _merges.Select(merge => merge.Split(' ')).ToArray(),
            },
        };

        ClipTokenizer converted = ClipTokenizer.FromTokenizerJson(
            _folder.Write("tokenizer.json", JsonSerializer.Serialize(model)));

        AssertSameIds(converted);
    }

    public void Dispose() => _folder.Dispose();

    private static void AssertSameIds(ClipTokenizer converted)
    {
        Assert.Equal(49408, converted.VocabularySize);
        foreach (TokenizerCase testCase in TokenizerCase.All)
        {
            Assert.Equal(testCase.Ids, converted.Encode(testCase.Text));
        }
    }

    private Dictionary<string, int> VocabularyIds() =>
        _tokens.Select((token, id) => (token, id)).ToDictionary(pair => pair.token, pair => pair.id);

    // Bytes 33-126, 161-172 and 174-255 stand for themselves and come first; the others follow as U+0100 onwards.
    private static List<string> ByteSymbolsInIdOrder()
    {
        static bool Printable(int b) => b is (>= 33 and <= 126) or (>= 161 and <= 172) or (>= 174 and <= 255);
        var symbols = Enumerable.Range(0, 256).Where(Printable).Select(b => ((char)b).ToString()).ToList();
        symbols.AddRange(
            Enumerable.Range(0, 256).Where(b => !Printable(b)).Select((_, n) => ((char)(256 + n)).ToString()));
        return symbols;
    }
}
