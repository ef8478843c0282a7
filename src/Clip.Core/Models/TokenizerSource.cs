using Clip.Core.Embeddings;

namespace Clip.Core.Models;

/// <summary>Loads the tokenizer files of a model folder.</summary>
internal static class TokenizerSource
{
    public static ITextTokenizer Load(string directory) =>
        throw new ClipModelException($"Model folder {directory}: no tokenizer implementation is available yet.");
}
