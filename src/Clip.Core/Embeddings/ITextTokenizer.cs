namespace Clip.Core.Embeddings;

/// <summary>Turns a text into a fixed-length row of token ids for the text encoder.</summary>
internal interface ITextTokenizer
{
    /// <summary>Ids per text.</summary>
    int ContextLength { get; }

    /// <summary>Writes exactly <see cref="ContextLength"/> ids for <paramref name="text"/>, padded or cut.</summary>
    void Encode(string text, Span<long> destination);
}
