using Clip.Core.Evaluation;
using Clip.Core.Models;
using Clip.Core.Moderation;
using Clip.Core.Probes;
using Clip.Core.Tests.Embeddings;
using Clip.Core.Tests.Models;
using Clip.Core.Tests.Probes;

namespace Clip.Core.Tests.Moderation;

/// <summary>
/// The whole hateful-meme path on the random-weight tiny-clip model: read the JSON lines, embed images and texts,
/// score zero-shot with the example policy, train and apply a probe. The model means nothing, so only shapes,
/// ranges and determinism are checked.
/// </summary>
public sealed class HatefulMemesEndToEndTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("clip-memes-e2e-").FullName;

    public HatefulMemesEndToEndTests()
    {
        string[] lines =
        [
            """{"id": 1, "img": "img/1.png", "label": 1, "text": "a mean caption"}""",
            """{"id": 2, "img": "img/2.png", "label": 0, "text": "a kind caption"}""",
            """{"id": 3, "img": "img/3.png", "label": 1, "text": "another mean caption"}""",
            """{"id": 4, "img": "img/4.png", "label": 0, "text": "a cat on a mat"}""",
            """{"id": 5, "img": "img/missing.png", "label": 0, "text": "no image"}""",
        ];
        File.WriteAllLines(Path.Combine(_folder, "dev.jsonl"), lines);
        TestImageFiles.WritePng(Path.Combine(_folder, "img", "1.png"), 250, 10, 10);
        TestImageFiles.WritePng(Path.Combine(_folder, "img", "2.png"), 10, 250, 10);
        TestImageFiles.WritePng(Path.Combine(_folder, "img", "3.png"), 240, 30, 20);
        TestImageFiles.WritePng(Path.Combine(_folder, "img", "4.png"), 20, 240, 30);
    }

    [Fact]
    public async Task ZeroShotAndProbe_TinyClip_RunEndToEndWithScoresInRange()
    {
        using ClipModel model = TestModels.Load(TinyClipReference.Directory);
        HatefulMemesDataset dataset = HatefulMemesDataset.Load(Path.Combine(_folder, "dev.jsonl"));
        ModerationPolicy policy = ModerationPolicyFile.Load(
            Path.Combine(SharedData.RepositoryRoot, "docs", "examples", "policies", "hateful-memes.json"));

        HatefulMemeEmbeddings memes = await dataset.EmbedAsync(ImageFileEmbedder.Create(model), CancellationToken.None);
        ModerationScorer scorer = ModerationScorer.Create(model, policy);
        float[] scores = HatefulMemesBenchmark.ZeroShotScores(scorer, memes);
        BinaryEvaluation zeroShot = HatefulMemesBenchmark.ZeroShot(scorer, memes);
        var options = new LinearProbeOptions { LambdaGrid = [1e-2], CrossValidationFolds = 2 };
        LinearProbeTrainingResult trained = HatefulMemesBenchmark.TrainProbe(memes, options);
        BinaryEvaluation probe = HatefulMemesBenchmark.EvaluateProbe(trained.Probe, memes);

        Assert.Equal(4, memes.Memes.Count);
        Assert.EndsWith("missing.png", Assert.Single(memes.Failures).Path);
        Assert.Equal(model.EmbeddingDimension, memes.Texts.Dimension);
        Assert.All(scores, s => Assert.InRange(s, 0f, 1f));
        Assert.All(Enumerable.Range(0, 4), i =>
        {
            ModerationScore score = scorer.Score(memes.Images[i], memes.Texts[i]);
            Assert.NotNull(score.TextScore);
            Assert.Equal(policy.Decide(score.Score), score.Decision);
        });
        Assert.InRange(zeroShot.RocAuc, 0.0, 1.0);
        Assert.InRange(probe.RocAuc, 0.0, 1.0);
        Assert.Equal(3 * model.EmbeddingDimension, trained.Probe.Dimension);
        Assert.Equal(model.Info.ContentHash, trained.Probe.Source.ModelContentHash);
    }

    [Fact]
    public async Task ZeroShotScores_RunAgain_AreIdenticalAndBatchSizeBarelyMatters()
    {
        using ClipModel model = TestModels.Load(TinyClipReference.Directory);
        HatefulMemesDataset dataset = HatefulMemesDataset.Load(Path.Combine(_folder, "dev.jsonl"));
        var policy = new ModerationPolicy("p", ["a hateful meme."], ["a harmless meme."], 0.8f, 0.5f, true);
        ModerationScorer scorer = ModerationScorer.Create(model, policy);

        float[] first = await ScoresAsync(model, dataset, scorer, ImageFileEmbedder.DefaultBatchSize);
        float[] second = await ScoresAsync(model, dataset, scorer, ImageFileEmbedder.DefaultBatchSize);
        float[] oneByOne = await ScoresAsync(model, dataset, scorer, batchSize: 1);

        Assert.Equal(first, second);
        Assert.All(Enumerable.Range(0, first.Length), i => Assert.Equal(first[i], oneByOne[i], 1e-5f));
    }

    private static async Task<float[]> ScoresAsync(
        ClipModel model,
        HatefulMemesDataset dataset,
        ModerationScorer scorer,
        int batchSize)
    {
        var embedder = ImageFileEmbedder.Create(model, batchSize);
        HatefulMemeEmbeddings memes = await dataset.EmbedAsync(embedder, CancellationToken.None);
        return HatefulMemesBenchmark.ZeroShotScores(scorer, memes);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
