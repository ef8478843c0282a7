using BenchmarkDotNet.Attributes;
using Clip.Core.Text;

namespace Clip.Benchmarks;

/// <summary>
/// The tokenizer with the vocabulary of models/clip-mini: a prompt ensemble whose words are all in the word cache,
/// against captions whose words the tokenizer has never seen, which pay for byte-pair merging itself.
/// </summary>
[MemoryDiagnoser]
public class TokenizerBenchmarks
{
    private const int TextsPerCall = 1000;

    private static readonly string[] Templates =
        ["a photo of a {}.", "a blurry photo of the {}.", "a drawing of a {}.", "a close-up photo of my {}."];

    private static readonly string[] Classes =
        ["golden retriever", "fire truck", "espresso", "sea anemone", "hot-air balloon", "wooden spoon"];

    private readonly long[] _ids = new long[ClipTokenizer.DefaultContextLength];
    private ClipTokenizer? _tokenizer;
    private string[] _prompts = [];
    private int _fresh;

    [GlobalSetup]
    public void Setup()
    {
        _tokenizer = ClipTokenizer.FromTokenizerJson(RepositoryFile("models/clip-mini/tokenizer.json"));
        _prompts = Enumerable.Range(0, TextsPerCall)
            .Select(i => Templates[i % Templates.Length].Replace("{}", Classes[i / Templates.Length % Classes.Length]))
            .ToArray();
        foreach (string prompt in _prompts)
        {
            _tokenizer.Encode(prompt, _ids);
        }
    }

    [Benchmark(Baseline = true, Description = "1000 prompts, cached words")]
    public void CachedPrompts()
    {
        foreach (string prompt in _prompts)
        {
            _tokenizer!.Encode(prompt, _ids);
        }
    }

    [Benchmark(Description = "1000 captions, 2 new words each")]
    public void NewWords()
    {
        for (int i = 0; i < TextsPerCall; i++)
        {
            _tokenizer!.Encode($"a {InventedWord(_fresh++)} dog next to a {InventedWord(_fresh++)} tree", _ids);
        }
    }

    // Distinct letter strings, so that every word misses the cache however long the benchmark runs.
    private static string InventedWord(int n)
    {
        Span<char> letters = stackalloc char[8];
        for (int i = 0; i < letters.Length; i++)
        {
            letters[i] = (char)('a' + (n % 26));
            n = (n / 26) + (i * 7);
        }

        return new string(letters);
    }

    private static string RepositoryFile(string relative)
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Run the benchmarks inside the repository: {relative} was not found.");
    }
}
