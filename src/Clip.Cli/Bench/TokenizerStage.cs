using System.Diagnostics;
using Clip.Core.Text;

namespace Clip.Cli.Bench;

/// <summary>
/// Tokenizer texts per second on one core: with a warm word cache (a prompt ensemble tokenized again), on the
/// first pass of a new tokenizer over the same ensemble, and on captions whose words are all new to the cache.
/// </summary>
internal sealed class TokenizerStage : IBenchStage
{
    // Captions whose invented words are all distinct: more than one slice can use at the rates seen.
    private const int NovelCaptionCount = 160_000;

    public string Name => "tokenizer";

    public async Task<IReadOnlyList<BenchTable>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        string? vocabulary = context.Settings.Vocabulary;
        string source = vocabulary ?? context.Settings.ModelDirectory;
        Func<ClipTokenizer> create = vocabulary is null
            ? () => ClipTokenizer.FromModelDirectory(context.Settings.ModelDirectory)
            : () => ClipTokenizer.FromBpeMergesGz(vocabulary);
        string[] ensemble = CaptionCorpus.PromptEnsemble();
        string[] novel = CaptionCorpus.NovelCaptions(NovelCaptionCount);
        ClipTokenizer warm = create();
        TimeOnePass(warm, ensemble);
        BenchVariant[] variants =
        [
            BenchVariant.Looping("warm cache", () =>
            {
                TimeOnePass(warm, ensemble);
                return ensemble.Length;
            }),
            new("first pass", (slice, token) => Task.FromResult(TimeFirstPasses(create, ensemble, slice, token))),
            new("new words", (slice, token) => Task.FromResult(TimeNovel(create(), novel, slice, token))),
        ];
        context.Log.Write($"tokenizer: {ensemble.Length} prompts, vocabulary {source}");
        InterleavedResult result = await InterleavedRun.RunAsync(
            variants, context.Settings.Rounds, context.Settings.Slice, context.Log, cancellationToken);

        var table = new BenchTable(
            $"Tokenizer per core ({warm.VocabularySize} ids)", "texts", "texts/s per core", "ratio to warm cache");
        table.AddRow("warm cache: prompt ensemble again", BenchFormat.Rate(result.Median("warm cache")),
            BenchFormat.Ratio(1));
        table.AddRow("cold cache: first pass of a new tokenizer", BenchFormat.Rate(result.Median("first pass")),
            BenchFormat.Ratio(result.Ratio("first pass", "warm cache")));
        table.AddRow("cold cache: every caption has 2 new words", BenchFormat.Rate(result.Median("new words")),
            BenchFormat.Ratio(result.Ratio("new words", "warm cache")));
        table.AddNote($"Prompt ensemble: {ensemble.Length} texts (18 templates x 500 adjective-noun classes). " +
            $"Vocabulary: {Path.GetFileName(source)}. Loading the tokenizer is not timed.");
        return [table];
    }

    /// <summary>Passes of new tokenizers over the texts until the slice is used; making them is not timed.
    /// </summary>
    private static double TimeFirstPasses(
        Func<ClipTokenizer> create,
        string[] texts,
        TimeSpan slice,
        CancellationToken cancellationToken)
    {
        var passes = new List<double>();
        var clock = Stopwatch.StartNew();
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            passes.Add(TimeOnePass(create(), texts));
        }
        while (clock.Elapsed < slice);

        return Statistics.Median(passes);
    }

    private static double TimeOnePass(ClipTokenizer tokenizer, string[] texts)
    {
        long[] ids = new long[tokenizer.ContextLength];
        var clock = Stopwatch.StartNew();
        foreach (string text in texts)
        {
            tokenizer.Encode(text, ids);
        }

        return texts.Length / clock.Elapsed.TotalSeconds;
    }

    private static double TimeNovel(
        ClipTokenizer tokenizer,
        string[] novel,
        TimeSpan slice,
        CancellationToken cancellationToken)
    {
        long[] ids = new long[tokenizer.ContextLength];
        long count = 0;
        var clock = Stopwatch.StartNew();
        foreach (string text in novel)
        {
            tokenizer.Encode(text, ids);
            if (++count % 256 == 0 && clock.Elapsed >= slice)
            {
                cancellationToken.ThrowIfCancellationRequested();
                break;
            }
        }

        return count / clock.Elapsed.TotalSeconds;
    }
}
