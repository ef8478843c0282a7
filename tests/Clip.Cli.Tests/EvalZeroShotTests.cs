using System.Text.Json;

namespace Clip.Cli.Tests;

public sealed class EvalZeroShotTests : IDisposable
{
    private static readonly Dictionary<string, string[]> Classes = new()
    {
        ["cat"] = ["chelsea.png", "camera.png"],
        ["cup_of_coffee"] = ["coffee.png", "china.jpg"],
        ["galaxy"] = ["hubble_deep_field.jpg", "flower.jpg"],
        ["rocket"] = ["rocket.jpg", "astronaut.png", "truncated-rocket.jpg"],
    };

    private readonly EvalTestFolder _folder = new();

    [Fact]
    public async Task Eval_ZeroShotCompare_GivesTheTop1OfClassifyForEachPromptVariant()
    {
        string data = _folder.ClassFolders("zero-shot", Classes);
        string json = _folder.PathOf("report.json");

        var result = await ClipProcess.RunAsync(null, "eval", "--zero-shot", data, "--compare", "--json", json,
            "--model", ClipProcess.TinyModel);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("left out", result.Error);
        Assert.Contains("truncated-rocket.jpg", result.Error);
        Assert.Contains("| class name only |", result.Output);
        JsonElement report = EvalTestFolder.ReadJson(json);
        Assert.Equal(8, report.GetProperty("samples").GetInt32());
        Assert.Single(report.GetProperty("failures").EnumerateArray());
        JsonElement[] rows = report.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(["class name only", "one template: \"a photo of a {}.\"", "ensemble: default (7 templates)"],
            rows.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Null, rows[2].GetProperty("metrics").GetProperty("top-5").ValueKind);

        string bare = _folder.Write("bare.txt", "{}\n");
        Assert.Equal(await ClassifyTop1Async(data, bare), Top1(rows[0]), 9);
        Assert.Equal(await ClassifyTop1Async(data, "default"), Top1(rows[2]), 9);
    }

    [Fact]
    public async Task Eval_ZeroShotWithClassNames_PromptsWithTheMappedNames()
    {
        string data = _folder.ClassFolders("ids", new Dictionary<string, string[]>
        {
            ["n001"] = ["chelsea.png"],
            ["n002"] = ["rocket.jpg"],
        });
        string names = _folder.Write("names.json", """{"n001": "cat", "n002": "cat"}""");

        var result = await ClipProcess.RunAsync(null, "eval", "--zero-shot", data, "--class-names", names,
            "--model", ClipProcess.TinyModel);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Two classes are both prompted as 'cat'", result.Error);
    }

    [Fact]
    public async Task Eval_ZeroShotWithOneClass_FailsNamingTheFolder()
    {
        string data = _folder.ClassFolders("one", new Dictionary<string, string[]> { ["cat"] = ["chelsea.png"] });

        var result = await ClipProcess.RunAsync(null, "eval", "--zero-shot", data, "--model", ClipProcess.TinyModel);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("needs at least two class sub-folders", result.Error);
        Assert.Contains(data, result.Error);
    }

    [Fact]
    public async Task Eval_MissingFolder_FailsNamingIt()
    {
        var result = await ClipProcess.RunAsync(null, "eval", "--zero-shot", "/no/such/classes",
            "--model", ClipProcess.TinyModel);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/no/such/classes", result.Error);
    }

    private static double Top1(JsonElement row) => row.GetProperty("metrics").GetProperty("top-1").GetDouble();

    /// <summary>The share of readable images whose best <c>clip classify</c> label is their folder's class.</summary>
    private static async Task<double> ClassifyTop1Async(string data, string templates)
    {
        var result = await ClipProcess.RunAsync(null, "classify", "--labels", "cat,cup of coffee,galaxy,rocket",
            "--templates", templates, "--top", "1", "--model", ClipProcess.TinyModel, data);
        var labelled = EvalTestFolder.JsonLines(result.Output).Where(line => line.TryGetProperty("labels", out _))
            .ToList();
        int correct = labelled.Count(line =>
            line.GetProperty("labels")[0].GetProperty("label").GetString()!.Replace(' ', '_')
            == Path.GetFileName(Path.GetDirectoryName(line.GetProperty("image").GetString())));
        return (double)correct / labelled.Count;
    }

    public void Dispose() => _folder.Dispose();
}
