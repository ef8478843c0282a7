using System.Text.Json;
using Clip.Core.Text;

namespace Clip.Core.Models;

/// <summary>Loads the tokenizer files of a model folder and checks they agree with <c>config.json</c>.</summary>
internal static class TokenizerLoading
{
    public static ClipTokenizer Load(ModelFolder folder, ClipModelConfig config)
    {
        ClipTokenizer tokenizer;
        try
        {
            tokenizer = ClipTokenizer.FromModelDirectory(folder.Directory, config.Text.ContextLength);
        }
        catch (Exception e) when (e is IOException or FormatException or JsonException or InvalidDataException
                                      or ArgumentException or UnauthorizedAccessException)
        {
            throw new ClipModelException(
                $"Model folder {folder.Directory}: the tokenizer files could not be read: {e.Message}",
                e);
        }

        if (config.Text.EndOfTextTokenId is int endOfText && endOfText != tokenizer.EndOfTextId)
        {
            throw new ClipModelException(
                $"Model folder {folder.Directory}: {folder.ConfigPath} gives text_config.eos_token_id {endOfText} " +
                $"but the tokenizer's <|endoftext|> is {tokenizer.EndOfTextId}.");
        }

        if (tokenizer.VocabularySize > config.Text.VocabularySize)
        {
            throw new ClipModelException(
                $"Model folder {folder.Directory}: the tokenizer has {tokenizer.VocabularySize} ids but " +
                $"{folder.ConfigPath} gives text_config.vocab_size {config.Text.VocabularySize}.");
        }

        return tokenizer;
    }
}
