using System.Numerics.Tensors;
using Clip.Core.Models;
using Clip.Core.ZeroShot;
using Pipeline.Processing.Curation;
using Pipeline.Storage;

namespace Pipeline.Tests.Curation;

public sealed class OutlierFinderTests
{
    [Fact]
    public async Task FarFromNeighboursAsync_LoneImage_IsTheOnlyOutlier()
    {
        await using var db = await FreshDatabase.CreateAsync();
        ModelRecord model = await db.RegisterAsync("m", Vectors.Dimension);
        long[] ids = await db.AddImagesAsync("a", "b", "c", "lone");
        await db.WriteAsync(model, ids[0], Vectors.Axis(0));
        await db.WriteAsync(model, ids[1], Vectors.Near(0, 0.9, 1));
        await db.WriteAsync(model, ids[2], Vectors.Near(0, 0.9, 2));
        await db.WriteAsync(model, ids[3], Vectors.Axis(7));

        var outliers = await new OutlierFinder(db.Store)
            .FarFromNeighboursAsync(model, 2, 0.5, CancellationToken.None).ToListAsync();

        Outlier lone = Assert.Single(outliers);
        Assert.Equal("lone", lone.SourceUri);
        Assert.True(lone.Score < 0.5);
    }

    [Fact]
    public async Task FarFromLabelsAsync_RealImages_ReturnsExactlyThoseBelowTheThreshold()
    {
        await using var db = await FreshDatabase.CreateAsync();
        ModelRecord model = await TinyCorpus.EmbedAsync(db, TinyCorpus.RealImages);
        using var clip = ClipModel.Load(TinyCorpus.ModelDirectory);
        var set = LabelSet.FromNames("things", ["cat", "dog", "flower", "rocket"]);
        var classifier = ZeroShotClassifier.Create(clip, set);
        var classes = PromptEnsemble.Embed(set, clip.TextEncoder).Classes;

        // The threshold between the two middle best-label cosines splits the collection in two known halves.
        var best = new Dictionary<string, float>();
        await foreach (var page in db.Store.Embeddings.ListPagesAsync(model, 64, CancellationToken.None))
        {
            foreach (var image in page)
            {
                best[image.SourceUri] = Enumerable.Range(0, set.Classes.Count)
                    .Max(c => TensorPrimitives.Dot(image.Embedding, classes[c]));
            }
        }

        var sorted = best.Values.Order().ToList();
        double threshold = (sorted[sorted.Count / 2] + sorted[(sorted.Count / 2) - 1]) / 2;
        var outliers = await new OutlierFinder(db.Store)
            .FarFromLabelsAsync(model, classifier, threshold, CancellationToken.None).ToListAsync();

        Assert.Equal(best.Where(b => b.Value < threshold).Select(b => b.Key).Order(),
            outliers.Select(o => o.SourceUri).Order());
    }
}
