using System.Text.Json;
using Clip.Core.Tests;

namespace Clip.Cli.Tests;

public sealed class TokenizeCommandTests
{
    [Fact]
    public async Task Tokenize_ReferenceCasesOnStdin_PrintsTheReferenceIdsLineByLine()
    {
        // Texts that hold a line break cannot travel one per line; every other reference case is used.
        var cases = File.ReadAllLines(SharedData.PathOf("clip", "tokenizer-cases.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(c => c.GetProperty("text").GetString()!.IndexOfAny(['\n', '\r', '\u0085', '\u2028', '\u2029']) < 0)
            .ToList();
        string input = string.Join('\n', cases.Select(c => c.GetProperty("text").GetString())) + "\n";

        var result = await ClipProcess.RunAsync(input, "tokenize", "--vocab",
            SharedData.PathOf("clip", "bpe_simple_vocab_16e6.txt.gz"));

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(cases.Count, lines.Length);
        for (int i = 0; i < cases.Count; i++)
        {
            int[] expected = cases[i].GetProperty("ids").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            Assert.Equal(expected, JsonSerializer.Deserialize<int[]>(lines[i]));
        }
    }
}
