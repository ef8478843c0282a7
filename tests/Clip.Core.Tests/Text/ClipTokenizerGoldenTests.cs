using Clip.Core.Text;

namespace Clip.Core.Tests.Text;

public sealed class ClipTokenizerGoldenTests
{
    public static TheoryData<int> Lines => TokenizerCase.LineNumbers;

    [Theory]
    [MemberData(nameof(Lines))]
    public void Clean_ReferenceCase_GivesReferenceCleanedText(int line)
    {
        TokenizerCase testCase = TokenizerCase.AtLine(line);

        string cleaned = TextCleaner.Clean(testCase.Text);

        Assert.True(
            cleaned == testCase.Cleaned,
            $"{testCase}: expected {Escape(testCase.Cleaned)}, got {Escape(cleaned)}");
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Encode_ReferenceCase_GivesReferenceIds(int line)
    {
        TokenizerCase testCase = TokenizerCase.AtLine(line);

        int[] ids = ReferenceTokenizer.Instance.Encode(testCase.Text);

        Assert.Equal(testCase.Ids, ids);
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void EncodeIntoSpan_ReferenceCase_GivesReferenceIds(int line)
    {
        TokenizerCase testCase = TokenizerCase.AtLine(line);
        var destination = new long[ClipTokenizer.DefaultContextLength + 2];
        destination.AsSpan().Fill(-1);

        ReferenceTokenizer.Instance.Encode(testCase.Text, destination.AsSpan(1, ClipTokenizer.DefaultContextLength));

        Assert.Equal(testCase.Ids.Select(id => (long)id), destination[1..^1]);
        Assert.Equal(-1, destination[0]);
        Assert.Equal(-1, destination[^1]);
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));
}
