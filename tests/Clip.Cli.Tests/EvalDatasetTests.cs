using System.Text.Json;

namespace Clip.Cli.Tests;

public sealed class EvalDatasetTests : IDisposable
{
    private readonly EvalTestFolder _folder = new();

    [Fact]
    public async Task EvalRetrieval_TestSplit_MatchesRecallComputedFromEmbedOutput()
    {
        string[] images = ["chelsea.png", "coffee.png", "rocket.jpg"];
        string[][] captions =
        [
            ["a tabby cat.", "a cat looking up."],
            ["a cup of coffee on a saucer."],
            ["a rocket lifting off.", "a launch at night.", "smoke and fire."],
        ];
        (string File, string Split, string[] Captions)[] files =
        [
            .. images.Select((image, i) => (image, "test", captions[i])),
            ("flower.jpg", "train", ["a flower."]),
            ("missing.jpg", "test", ["gone."]),
        ];
        var entries = files.Select(e => new
        {
            filename = e.File,
            split = e.Split,
            sentences = e.Captions.Select(raw => new { raw }),
        });
        string split = _folder.Write("dataset.json", JsonSerializer.Serialize(new { images = entries }));
        string root = Path.GetDirectoryName(EvalTestFolder.Sample("rocket.jpg"))!;
        string json = _folder.PathOf("report.json");

        var eval = await ClipProcess.RunAsync(null, "eval", "--retrieval", split, "--images", root, "--json", json,
            "--model", ClipProcess.TinyModel);
        var imageEmbeddings = await EmbedAsync("--image", images.Select(EvalTestFolder.Sample).ToArray());
        string[] allCaptions = captions.SelectMany(c => c).ToArray();
        var textEmbeddings = await EmbedAsync("--text", allCaptions);

        Assert.Equal(2, eval.ExitCode);
        Assert.Contains("missing.jpg", eval.Error);
        int[] owner = captions.SelectMany((c, image) => c.Select(_ => image)).ToArray();
        double[][] scores = imageEmbeddings
            .Select(image => textEmbeddings.Select(text => ReferenceMetrics.Dot(image, text)).ToArray())
            .ToArray();
        JsonElement[] rows = EvalTestFolder.ReadJson(json).GetProperty("rows").EnumerateArray().ToArray();
        foreach (int k in new[] { 1, 5, 10 })
        {
            double imageToText = Enumerable.Range(0, images.Length).Count(image =>
                Enumerable.Range(0, owner.Length).Any(c => owner[c] == image
                    && ReferenceMetrics.Rank(scores[image], c) <= k)) / (double)images.Length;
            double textToImage = Enumerable.Range(0, owner.Length).Count(c =>
                ReferenceMetrics.Rank(scores.Select(row => row[c]).ToArray(), owner[c]) <= k) / (double)owner.Length;
            Assert.Equal(imageToText, rows[0].GetProperty("metrics").GetProperty($"R@{k}").GetDouble(), 9);
            Assert.Equal(textToImage, rows[1].GetProperty("metrics").GetProperty($"R@{k}").GetDouble(), 9);
        }
    }

    [Fact]
    public async Task EvalMultiLabel_Csv_MatchesMeanApOfClassifyMultiLabelScores()
    {
        string root = Path.GetDirectoryName(EvalTestFolder.Sample("rocket.jpg"))!;
        string csv = _folder.Write("labels.csv", string.Join('\n',
            "image,labels",
            "chelsea.png,cat|indoors",
            "coffee.png,cup|indoors",
            "camera.png,person",
            "rocket.jpg,sky|rocket",
            "astronaut.png,person|rocket",
            "hubble_deep_field.jpg,sky",
            "flower.jpg,"));
        string labelSet = _folder.Write("set.yaml",
            "name: all\nmulti_label: true\nthreshold: 0\nclasses:\n  - cat\n  - indoors\n  - cup\n  - person\n" +
            "  - sky\n  - rocket\n");
        string json = _folder.PathOf("report.json");

        var eval = await ClipProcess.RunAsync(null, "eval", "--multilabel", csv, "--images", root, "--json", json,
            "--model", ClipProcess.TinyModel);
        string[] paths = File.ReadLines(csv).Skip(1).Select(line => Path.Combine(root, line.Split(',')[0])).ToArray();
        var classify = await ClipProcess.RunAsync(null,
            ["classify", "--labels-file", labelSet, "--model", ClipProcess.TinyModel, .. paths]);

        Assert.Equal(0, eval.ExitCode);
        string[] classes = ["cat", "indoors", "cup", "person", "sky", "rocket"];
        string[][] truth = File.ReadLines(csv).Skip(1)
            .Select(line => line.Split(',')[1].Split('|', StringSplitOptions.RemoveEmptyEntries))
            .ToArray();
        List<Dictionary<string, double>> probabilities = EvalTestFolder.JsonLines(classify.Output)
            .Select(line => line.GetProperty("labels").EnumerateArray().ToDictionary(
                l => l.GetProperty("label").GetString()!,
                l => l.GetProperty("probability").GetDouble()))
            .ToList();
        double expected = classes.Average(c => ReferenceMetrics.AveragePrecision(
            probabilities.Select(p => p[c]).ToArray(),
            truth.Select(t => t.Contains(c)).ToArray()));
        JsonElement report = EvalTestFolder.ReadJson(json);
        Assert.Equal(expected, report.GetProperty("rows")[0].GetProperty("metrics").GetProperty("mAP").GetDouble(), 5);
        Assert.Equal(7, report.GetProperty("samples").GetInt32());
    }

    [Fact]
    public async Task EvalMultiLabel_UndeclaredLabel_FailsNamingTheEntry()
    {
        string file = _folder.Write("set.json", """
            {"classes": ["cat"],
             "images": [{"image": "a.png", "labels": ["cat"]}, {"image": "b.png", "labels": ["dog"]}]}
            """);

        var result = await ClipProcess.RunAsync(null, "eval", "--multilabel", file, "--model", ClipProcess.TinyModel);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("images[1]: label 'dog' is not one of the declared classes", result.Error);
    }

    [Fact]
    public async Task EvalRetrieval_SplitWithoutImages_FailsNamingTheSplit()
    {
        string file = _folder.Write("dataset.json",
            """{"images": [{"filename": "a.jpg", "split": "train", "sentences": [{"raw": "x"}]}]}""");

        var result = await ClipProcess.RunAsync(null, "eval", "--retrieval", file, "--model", ClipProcess.TinyModel);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no captioned image in split 'test'", result.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--zero-shot /a --linear-probe /b")]
    public async Task Eval_NotExactlyOneDataSet_FailsListingTheChoices(string args)
    {
        string[] options = args.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var result = await ClipProcess.RunAsync(null, ["eval", .. options]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Give exactly one data set: --zero-shot, --multilabel, --retrieval, --memes or", result.Error);
    }

    private static async Task<List<double[]>> EmbedAsync(string kind, string[] inputs)
    {
        var result = await ClipProcess.RunAsync(null, ["embed", "--model", ClipProcess.TinyModel, kind, .. inputs]);
        return EvalTestFolder.JsonLines(result.Output)
            .Select(line => line.GetProperty("embedding").EnumerateArray().Select(v => v.GetDouble()).ToArray())
            .ToList();
    }

    public void Dispose() => _folder.Dispose();
}
