using Clip.Core.Embeddings;

namespace Clip.Core.Tests.Models;

/// <summary>
/// A stand-in tokenizer with an output that is easy to check by hand: start-of-text, the text's length in
/// characters, end-of-text, then zero padding.
/// </summary>
internal sealed class FakeTokenizer : ITextTokenizer
{
    public const long StartOfText = 49406;
    public const long EndOfText = 49407;

    public int ContextLength => 77;

    public void Encode(string text, Span<long> destination)
    {
        destination.Clear();
        destination[0] = StartOfText;
        destination[1] = text.Length;
        destination[2] = EndOfText;
    }
}
