namespace Clip.Core.Models;

/// <summary>The text tower settings read from <c>config.json</c> (<c>text_config</c>).</summary>
/// <param name="ContextLength">Token positions per text (<c>max_position_embeddings</c>; CLIP: 77).</param>
/// <param name="VocabularySize">Number of token ids (<c>vocab_size</c>; CLIP: 49408).</param>
/// <param name="EndOfTextTokenId">
/// The <c>&lt;|endoftext|&gt;</c> id (<c>eos_token_id</c>; CLIP: 49407), or null when not given. Older exports write
/// 2 there, a placeholder meaning "the highest id", which is read as not given.
/// </param>
public sealed record ClipTextConfig(int ContextLength, int VocabularySize, int? EndOfTextTokenId)
{
    /// <summary>CLIP's context length, used when <c>config.json</c> does not give one.</summary>
    public const int ClipContextLength = 77;

    /// <summary>CLIP's byte-pair vocabulary size.</summary>
    public const int ClipVocabularySize = 49408;
}
