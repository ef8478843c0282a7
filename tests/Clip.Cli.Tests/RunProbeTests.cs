using System.Text.Json;
using Clip.Core.Tests;

namespace Clip.Cli.Tests;

/// <summary><c>clip run --probe</c>: a trained linear probe applied to a whole folder.</summary>
public sealed class RunProbeTests : IDisposable
{
    private static readonly Dictionary<string, string[]> Classes = new()
    {
        ["indoors"] = ["chelsea.png", "coffee.png", "camera.png"],
        ["sky"] = ["rocket.jpg", "hubble_deep_field.jpg", "astronaut.png"],
    };

    private readonly EvalTestFolder _folder = new();

    [Fact]
    public async Task Run_ProbeTrainedOnTheModel_LabelsEachImageAsProbeApplyDoes()
    {
        string probe = await TrainAsync("scene.json");
        string output = _folder.PathOf("out");

        var run = await ClipProcess.RunAsync(null, "run", "--source", Samples, "--probe", probe,
            "--model", ClipProcess.TinyModel, "--out", output);
        var apply = await ClipProcess.RunAsync(null, "probe", "apply", "--probe", probe,
            "--model", ClipProcess.TinyModel, Samples);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("9 images: 8 embedded, 8 labelled, 1 failed", run.Output);
        var probabilities = EvalTestFolder.JsonLines(apply.Output)
            .Where(l => l.TryGetProperty("probabilities", out _))
            .ToDictionary(l => Path.GetFileName(l.GetProperty("image").GetString()!), l => l);
        var lines = File.ReadLines(Path.Combine(output, "results.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(l => l.GetProperty("status").GetString() == "ok")
            .ToList();
        Assert.Equal(8, lines.Count);
        foreach (JsonElement line in lines)
        {
            JsonElement expected = probabilities[Path.GetFileName(line.GetProperty("uri").GetString()!)];
            var labels = line.GetProperty("labels").EnumerateArray().ToList();
            Assert.All(labels, l => Assert.Equal("scene", l.GetProperty("set").GetString()));
            Assert.Equal(expected.GetProperty("label").GetString(), labels[0].GetProperty("label").GetString());
            Assert.Equal(["indoors", "sky"], labels.Select(l => l.GetProperty("label").GetString()).Order());
            foreach (JsonElement label in labels)
            {
                double p = expected.GetProperty("probabilities").GetProperty(label.GetProperty("label").GetString()!)
                    .GetDouble();
                Assert.Equal(p, label.GetProperty("score").GetDouble(), 4);
            }
        }
    }

    [Fact]
    public async Task Run_ProbeTrainedForAnotherModel_FailsBeforeAnyWorkNamingBothModels()
    {
        string probe = await TrainAsync("scene.json");
        JsonElement trained = EvalTestFolder.ReadJson(probe);
        string hash = trained.GetProperty("model_content_hash").GetString()!;
        string other = _folder.Write("other.json", File.ReadAllText(probe).Replace(hash, "f00d" + hash[4..]));
        string output = _folder.PathOf("out");

        var run = await ClipProcess.RunAsync(null, "run", "--source", Samples, "--probe", other,
            "--model", ClipProcess.TinyModel, "--out", output);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("The linear probe 'other' was trained for model 'tiny-clip' (content hash f00d", run.Error);
        Assert.Contains($"the job runs model 'tiny-clip' (content hash {hash[..12]}", run.Error);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Run_ProbeAndLabelSetOfTheSameName_FailsSayingLabelsAreStoredByName()
    {
        string probe = await TrainAsync("animals.json");
        string labels = _folder.Write("animals.txt", "cat\ndog\n");

        var run = await ClipProcess.RunAsync(null, "run", "--source", Samples, "--labels", labels, "--probe", probe,
            "--model", ClipProcess.TinyModel, "--out", _folder.PathOf("out"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("The linear probe 'animals' has the name of a label set", run.Error);
    }

    public void Dispose() => _folder.Dispose();

    private static string Samples => Path.Combine(SharedData.RepositoryRoot, "samples", "images");

    private async Task<string> TrainAsync(string name)
    {
        string probe = _folder.PathOf(name);
        var train = await ClipProcess.RunAsync(null, "probe", "train", "--data",
            _folder.ClassFolders("data-" + name, Classes), "--out", probe, "--folds", "0",
            "--model", ClipProcess.TinyModel);
        Assert.True(train.ExitCode == 0, train.Error);
        return probe;
    }
}
