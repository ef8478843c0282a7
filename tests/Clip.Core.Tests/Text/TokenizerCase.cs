using System.Text.Json;

namespace Clip.Core.Tests.Text;

/// <summary>One line of the reference's tokenizer cases: an input, its cleaned text and its 77 ids.</summary>
public sealed record TokenizerCase(int Line, string Kind, string Note, string Text, string Cleaned, int[] Ids)
{
    private static readonly Lazy<IReadOnlyList<TokenizerCase>> Cases = new(Load);

    /// <summary>All cases of <c>clip/tokenizer-cases.jsonl</c> in the shared reference data.</summary>
    public static IReadOnlyList<TokenizerCase> All => Cases.Value;

    /// <summary>Line numbers of all cases, for theory data.</summary>
    public static TheoryData<int> LineNumbers => new(All.Select(c => c.Line));

    /// <summary>The case on a line.</summary>
    public static TokenizerCase AtLine(int line) => All.Single(c => c.Line == line);

    public override string ToString() => $"line {Line} ({Kind}: {Note})";

    private static IReadOnlyList<TokenizerCase> Load()
    {
        string path = SharedData.PathOf("clip", "tokenizer-cases.jsonl");
        string[] lines = File.ReadAllText(path).Split('\n');
        var cases = new List<TokenizerCase>();
        for (int index = 0; index < lines.Length; index++)
        {
            if (lines[index].Length == 0)
            {
                continue;
            }

            using JsonDocument json = JsonDocument.Parse(lines[index]);
            JsonElement root = json.RootElement;
            cases.Add(new TokenizerCase(
                index + 1,
                root.GetProperty("kind").GetString()!,
                root.GetProperty("note").GetString()!,
                root.GetProperty("text").GetString()!,
                root.GetProperty("cleaned").GetString()!,
                [.. root.GetProperty("ids").EnumerateArray().Select(id => id.GetInt32())]));
        }

        return cases;
    }
}
