namespace Clip.Core.Tests.Imaging.Decoding;

/// <summary>
/// Every file of the edge corpus, with every decoder, in this test process: since SkiaSharp is native code, a crash
/// on any file would end the run. The outcome must be what the manifest expects.
/// </summary>
public sealed class EdgeCorpusTests
{
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (EdgeCase edge in ImageCorpus.Edge)
        {
            foreach (string decoder in TestDecoders.All)
            {
                cases.Add(edge.File, decoder);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decode_EdgeFile_OutcomeMatchesManifest(string file, string decoder)
    {
        EdgeCase edge = ImageCorpus.EdgeFile(file);
        byte[] bytes = File.ReadAllBytes(ImageCorpus.EdgePath(file));

        DecodeOutcome outcome = DecodeOutcome.Of(TestDecoders.Create(decoder), bytes);

        Assert.Null(EdgeExpectations.Violation(edge, decoder, outcome));
    }

    [Fact]
    public void Manifest_EdgeCorpus_ListsEveryFileOnce()
    {
        string[] files = Directory.GetFiles(SharedData.PathOf("images", "edge"))
            .Select(Path.GetFileName)
            .Where(name => name != "manifest.jsonl")
            .Order(StringComparer.Ordinal)
            .ToArray()!;

        Assert.Equal(files, ImageCorpus.Edge.Select(edge => edge.File).Order(StringComparer.Ordinal));
    }
}
