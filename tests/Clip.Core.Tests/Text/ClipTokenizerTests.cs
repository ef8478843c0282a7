using Clip.Core.Text;

namespace Clip.Core.Tests.Text;

public sealed class ClipTokenizerTests
{
    private static ClipTokenizer Tokenizer => ReferenceTokenizer.Instance;

    [Fact]
    public void Properties_ReferenceVocabulary_MatchClipConstants()
    {
        Assert.Equal(77, Tokenizer.ContextLength);
        Assert.Equal(49406, Tokenizer.StartOfTextId);
        Assert.Equal(49407, Tokenizer.EndOfTextId);
        Assert.Equal(49408, Tokenizer.VocabularySize);
    }

    [Fact]
    public void EncodeTokens_ReferenceCase_GivesIdsBetweenTheSpecialTokens()
    {
        TokenizerCase plain = TokenizerCase.All.First(c => c.Text == "a photo of a cat");
        int end = Array.IndexOf(plain.Ids, 49407);

        IReadOnlyList<int> tokens = Tokenizer.EncodeTokens(plain.Text);

        Assert.Equal(plain.Ids[1..end], tokens);
    }

    [Fact]
    public void EncodeTokens_LongText_IsNotTruncated()
    {
        IReadOnlyList<int> tokens = Tokenizer.EncodeTokens(string.Join(' ', Enumerable.Repeat("cat", 200)));

        Assert.Equal(200, tokens.Count);
    }

    [Fact]
    public void Encode_LongText_KeepsFirstIdsAndEndsWithEndOfText()
    {
        string text = string.Join(' ', Enumerable.Range(0, 120).Select(i => $"w{i}"));
        IReadOnlyList<int> tokens = Tokenizer.EncodeTokens(text);

        int[] ids = Tokenizer.Encode(text);

        Assert.True(tokens.Count > 75);
        Assert.Equal(49406, ids[0]);
        Assert.Equal(tokens.Take(75), ids[1..76]);
        Assert.Equal(49407, ids[76]);
    }

    [Fact]
    public void Encode_SmallerContextLength_PadsAndTruncatesToThatLength()
    {
        ClipTokenizer shortContext = ClipTokenizer.FromBpeMergesGz(ReferenceTokenizer.MergesPath, contextLength: 6);
        IReadOnlyList<int> tokens = Tokenizer.EncodeTokens("a photo of a cat");

        int[] shortText = shortContext.Encode("a cat");
        int[] longText = shortContext.Encode("a photo of a cat");

        Assert.Equal([49406, .. Tokenizer.EncodeTokens("a cat"), 49407, 0, 0], shortText);
        Assert.Equal([49406, .. tokens.Take(4), 49407], longText);
    }

    [Fact]
    public void Encode_DestinationOfWrongLength_Throws()
    {
        var destination = new long[76];

        var error = Assert.Throws<ArgumentException>(() => Tokenizer.Encode("a cat", destination));

        Assert.Contains("77", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_ManyThreadsAtOnce_GiveReferenceIds()
    {
        IReadOnlyList<TokenizerCase> cases = TokenizerCase.All;
        ClipTokenizer fresh = ClipTokenizer.FromBpeMergesGz(ReferenceTokenizer.MergesPath);
        var mismatches = new System.Collections.Concurrent.ConcurrentBag<int>();

        Parallel.For(0, cases.Count * 8, index =>
        {
            TokenizerCase testCase = cases[index % cases.Count];
            if (!fresh.Encode(testCase.Text).AsSpan().SequenceEqual(testCase.Ids))
            {
                mismatches.Add(testCase.Line);
            }
        });

        Assert.Empty(mismatches);
    }

    [Fact]
    public void FromBpeMergesGz_MissingFile_ThrowsNamingThePath()
    {
        string path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.txt.gz");

        var error = Assert.Throws<FileNotFoundException>(() => ClipTokenizer.FromBpeMergesGz(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
