namespace Clip.Cli.Tests;

/// <summary><c>clip definitions put|list</c> against the test PostgreSQL.</summary>
public sealed class DefinitionsCommandTests : IDisposable
{
    private static readonly Dictionary<string, string[]> Classes = new()
    {
        ["indoors"] = ["chelsea.png", "coffee.png", "camera.png"],
        ["sky"] = ["rocket.jpg", "hubble_deep_field.jpg", "astronaut.png"],
    };

    private readonly EvalTestFolder _folder = new();

    [Fact]
    public async Task PutThenList_LabelSetPolicyAndProbe_ListsEachWithWhatItHolds()
    {
        await using var db = await TestDatabase.CreateAsync();
        string labels = _folder.Write("pets.yaml",
            "name: animals\nclasses: [cat, dog, bird, fish, horse, cow, {name: rabbit, prompts: [a bunny.]}]\n");
        string probe = await TrainAsync();

        var putLabels = await PutAsync(db, "--label-set", labels);
        var putPolicy = await PutAsync(db, "--policy", EvalTestFolder.Policy);
        var putProbe = await PutAsync(db, "--probe", probe, "--name", "scene", "--min-probability", "0.3");
        var list = await ClipProcess.RunAsync(null, "definitions", "list", "--db", db.ConnectionString);

        Assert.Equal((0, 0, 0, 0), (putLabels.ExitCode, putPolicy.ExitCode, putProbe.ExitCode, list.ExitCode));
        Assert.StartsWith("Stored label set 'animals': 7 classes (cat, dog, bird, fish, horse, cow, ...)",
            putLabels.Output);
        Assert.StartsWith("Stored policy 'hateful-memes':", putPolicy.Output);
        Assert.StartsWith(
            "Stored linear probe 'scene': 2 classes (indoors, sky), for model 'tiny-clip', labels from probability 0.3",
            putProbe.Output);
        string[] rows = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, rows.Length);
        Assert.Matches(@"^label set\s+animals\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+7 classes", rows[1]);
        Assert.Matches(@"^policy\s+hateful-memes\s+.+ positive and .+ negative prompts, flag at 0\.8", rows[2]);
        Assert.Matches(@"^linear probe\s+scene\s+.+2 classes \(indoors, sky\)", rows[3]);
    }

    [Fact]
    public async Task Put_ProbeOnMemeFeatures_FailsSayingOnlyImageProbesRunAsJobTasks()
    {
        await using var db = await TestDatabase.CreateAsync();
        string probe = await TrainAsync();
        string meme = _folder.Write("meme.json", File.ReadAllText(probe)
            .Replace("\"features\": \"image\"", "\"features\": \"meme:image,text,image*text\"",
                StringComparison.Ordinal));

        var put = await PutAsync(db, "--probe", meme);
        var list = await ClipProcess.RunAsync(null, "definitions", "list", "--db", db.ConnectionString);

        Assert.Equal(1, put.ExitCode);
        Assert.Contains("was trained on 'meme:image,text,image*text' features, not on image embeddings", put.Error);
        Assert.DoesNotContain("meme", list.Output);
    }

    [Fact]
    public async Task Put_TwoFiles_FailsAskingForExactlyOne()
    {
        var put = await ClipProcess.RunAsync(null, "definitions", "put", "--db", "Host=unused",
            "--policy", EvalTestFolder.Policy, "--label-set", EvalTestFolder.Policy);

        Assert.Equal(1, put.ExitCode);
        Assert.Contains("Give exactly one of --label-set FILE, --policy FILE and --probe FILE.", put.Error);
    }

    public void Dispose() => _folder.Dispose();

    private static Task<ClipResult> PutAsync(TestDatabase db, params string[] args) =>
        ClipProcess.RunAsync(null, ["definitions", "put", "--db", db.ConnectionString, .. args]);

    private async Task<string> TrainAsync()
    {
        string probe = _folder.PathOf("probe.json");
        var train = await ClipProcess.RunAsync(null, "probe", "train", "--data", _folder.ClassFolders("data", Classes),
            "--out", probe, "--folds", "0", "--model", ClipProcess.TinyModel);
        Assert.True(train.ExitCode == 0, train.Error);
        return probe;
    }
}
