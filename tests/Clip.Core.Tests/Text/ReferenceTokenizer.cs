using Clip.Core.Text;

namespace Clip.Core.Tests.Text;

/// <summary>The tokenizer loaded once from the reference vocabulary in the shared data folder.</summary>
public static class ReferenceTokenizer
{
    private static readonly Lazy<ClipTokenizer> Loaded = new(
        () => ClipTokenizer.FromBpeMergesGz(MergesPath));

    /// <summary>Path of OpenAI's <c>bpe_simple_vocab_16e6.txt.gz</c>.</summary>
    public static string MergesPath => SharedData.PathOf("clip", "bpe_simple_vocab_16e6.txt.gz");

    /// <summary>The shared instance (it is thread-safe).</summary>
    public static ClipTokenizer Instance => Loaded.Value;
}
