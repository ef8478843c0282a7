using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Clip.Cli.Tests;

public sealed class EvalProbeTests : IDisposable
{
    private static readonly Dictionary<string, string[]> Classes = new()
    {
        ["indoors"] = ["chelsea.png", "coffee.png", "camera.png", "chelsea.png", "coffee.png", "camera.png"],
        ["sky"] = ["rocket.jpg", "hubble_deep_field.jpg", "astronaut.png", "rocket.jpg", "hubble_deep_field.jpg",
            "astronaut.png"],
    };

    private readonly EvalTestFolder _folder = new();

    [Fact]
    public async Task ProbeTrainAndEval_SameFolderAndFolds_ReportTheSameCrossValidatedAccuracy()
    {
        string data = _folder.ClassFolders("probe", Classes);
        string probe = _folder.PathOf("probe.json");
        string json = _folder.PathOf("report.json");

        var train = await ClipProcess.RunAsync(null, "probe", "train", "--data", data, "--out", probe,
            "--folds", "3", "--model", ClipProcess.TinyModel);
        var eval = await ClipProcess.RunAsync(null, "eval", "--linear-probe", data, "--folds", "3", "--json", json,
            "--model", ClipProcess.TinyModel);

        Assert.Equal(0, train.ExitCode);
        Assert.Contains("classes: indoors (6), sky (6)", train.Output);
        Match printed = Regex.Match(train.Output, @"cross-validated accuracy \(3 folds\): ([\d.]+) %");
        Assert.True(printed.Success, train.Output);
        Assert.Equal(0, eval.ExitCode);
        JsonElement report = EvalTestFolder.ReadJson(json);
        double reported = report.GetProperty("rows")[0].GetProperty("metrics").GetProperty("3-fold accuracy")
            .GetDouble();
        Assert.Equal(double.Parse(printed.Groups[1].Value, CultureInfo.InvariantCulture), 100 * reported, 2);
        Assert.Equal(
            EvalTestFolder.ReadJson(probe).GetProperty("lambda").GetDouble(),
            report.GetProperty("details").GetProperty("lambda").GetDouble());
    }

    [Fact]
    public async Task ProbeApply_TrainedProbe_GivesTheMostProbableClassOfEachImage()
    {
        string probe = _folder.PathOf("probe.json");
        await ClipProcess.RunAsync(null, "probe", "train", "--data", _folder.ClassFolders("probe", Classes),
            "--out", probe, "--model", ClipProcess.TinyModel);

        var result = await ClipProcess.RunAsync(null, "probe", "apply", "--probe", probe,
            "--model", ClipProcess.TinyModel, EvalTestFolder.Sample("flower.jpg"),
            EvalTestFolder.Sample("truncated-rocket.jpg"));

        Assert.Equal(2, result.ExitCode);
        List<JsonElement> lines = EvalTestFolder.JsonLines(result.Output);
        Assert.Equal(2, lines.Count);
        var probabilities = lines[0].GetProperty("probabilities").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetDouble());
        Assert.Equal(["indoors", "sky"], probabilities.Keys);
        Assert.Equal(1.0, probabilities.Values.Sum(), 5);
        Assert.Equal(probabilities.MaxBy(p => p.Value).Key, lines[0].GetProperty("label").GetString());
        Assert.Contains("truncated", lines[1].GetProperty("error").GetString());
    }

    [Fact]
    public async Task EvalLinearProbe_TrainedProbe_ReportsTheAccuracyOfProbeApplyLabels()
    {
        string data = _folder.ClassFolders("probe", Classes);
        string probe = _folder.PathOf("probe.json");
        string json = _folder.PathOf("report.json");
        await ClipProcess.RunAsync(null, "probe", "train", "--data", data, "--out", probe,
            "--model", ClipProcess.TinyModel);

        var eval = await ClipProcess.RunAsync(null, "eval", "--linear-probe", data, "--probe", probe,
            "--json", json, "--model", ClipProcess.TinyModel);
        var apply = await ClipProcess.RunAsync(null, "probe", "apply", "--probe", probe,
            "--model", ClipProcess.TinyModel, data);

        Assert.Equal(0, eval.ExitCode);
        List<JsonElement> labels = EvalTestFolder.JsonLines(apply.Output);
        double expected = labels.Count(line => line.GetProperty("label").GetString()
            == Path.GetFileName(Path.GetDirectoryName(line.GetProperty("image").GetString()))) / (double)labels.Count;
        JsonElement metrics = EvalTestFolder.ReadJson(json).GetProperty("rows")[0].GetProperty("metrics");
        Assert.Equal(expected, metrics.GetProperty("accuracy").GetDouble(), 9);
    }

    [Fact]
    public async Task ProbeTrain_OneClass_FailsSayingTwoAreNeeded()
    {
        string data = _folder.ClassFolders("one", new Dictionary<string, string[]> { ["cat"] = ["chelsea.png"] });

        var result = await ClipProcess.RunAsync(null, "probe", "train", "--data", data,
            "--out", _folder.PathOf("p.json"), "--model", ClipProcess.TinyModel);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("at least two classes", result.Error);
        Assert.False(File.Exists(_folder.PathOf("p.json")));
    }

    [Fact]
    public async Task ProbeTrain_DataAndMemes_FailsAskingForOne()
    {
        var result = await ClipProcess.RunAsync(null, "probe", "train", "--data", _folder.Root,
            "--memes", _folder.PathOf("m.jsonl"), "--out", _folder.PathOf("p.json"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Give --data DIR or --memes FILE.jsonl, not both.", result.Error);
    }

    [Fact]
    public async Task ProbeApply_MissingProbeFile_FailsNamingIt()
    {
        var result = await ClipProcess.RunAsync(null, "probe", "apply", "--probe", _folder.PathOf("none.json"),
            "--model", ClipProcess.TinyModel, EvalTestFolder.Sample("flower.jpg"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("none.json", result.Error);
    }

    [Fact]
    public async Task Eval_FoldsOfOne_FailsBeforeLoadingTheModel()
    {
        var result = await ClipProcess.RunAsync(null, "eval", "--linear-probe", _folder.Root, "--folds", "1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--folds must be 0 (no cross-validation) or at least 2.", result.Error);
    }

    public void Dispose() => _folder.Dispose();
}
