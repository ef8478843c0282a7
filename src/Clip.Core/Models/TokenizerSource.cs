using Clip.Core.Embeddings;
using Clip.Core.Text;

namespace Clip.Core.Models;

/// <summary>Loads the tokenizer files of a model folder.</summary>
internal static class TokenizerSource
{
    public static ITextTokenizer Load(string directory)
    {
        try
        {
            return ClipTokenizer.FromModelDirectory(directory);
        }
        catch (Exception e) when (e is IOException or FormatException or InvalidDataException
                                       or System.Text.Json.JsonException or ArgumentException)
        {
            throw new ClipModelException(
                $"Model folder {directory}: the tokenizer files cannot be read: {e.Message}", e);
        }
    }
}
