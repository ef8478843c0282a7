using Pipeline.Storage;
using Pipeline.Storage.Postgres.Curation;

namespace Pipeline.Tests.Curation;

public sealed class FilteredSearchTests
{
    [Fact]
    public async Task SearchAsync_LabelAndModerationFilters_KeepOnlyMatchingImagesNearestFirst()
    {
        await using var db = await FreshDatabase.CreateAsync();
        ModelRecord model = await db.RegisterAsync("m", Vectors.Dimension);
        long[] ids = await db.AddImagesAsync("cat1", "cat2", "dog", "cat3");
        double[] cosines = [0.9, 0.6, 0.95, 0.3];
        for (int i = 0; i < ids.Length; i++)
        {
            await db.WriteAsync(model, ids[i], Vectors.Near(0, cosines[i], 1));
        }

        var set = await db.Storage.Definitions.SaveLabelSetAsync("animals", "{}", CancellationToken.None);
        await db.Storage.Labels.WriteAsync(model.Id, set.Id,
        [
            new ImageLabels(ids[0], [new LabelScore("cat", 0.8f)]),
            new ImageLabels(ids[1], [new LabelScore("cat", 0.4f)]),
            new ImageLabels(ids[2], [new LabelScore("dog", 0.9f)]),
            new ImageLabels(ids[3], [new LabelScore("cat", 0.7f)]),
        ], CancellationToken.None);
        var policy = await db.Storage.Definitions.SavePolicyAsync("nsfw", "{}", CancellationToken.None);
        await db.Storage.Moderation.WriteAsync(model.Id, policy.Id,
        [
            new ModerationResult(ids[0], 0.1f, ModerationDecision.Pass),
            new ModerationResult(ids[3], 0.6f, ModerationDecision.Review),
        ], CancellationToken.None);
        float[] query = Vectors.Axis(0);

        var all = await db.Store.Search.SearchAsync(model, query, 10, SearchFilter.None, CancellationToken.None);
        var cats = await db.Store.Search.SearchAsync(model, query, 10, new SearchFilter("animals", "cat"),
            CancellationToken.None);
        var sureCats = await db.Store.Search.SearchAsync(model, query, 10, new SearchFilter("animals", "cat", 0.5f),
            CancellationToken.None);
        var review = await db.Store.Search.SearchAsync(model, query, 10,
            new SearchFilter(Policy: "nsfw", Decision: ModerationDecision.Review), CancellationToken.None);

        Assert.Equal(["dog", "cat1", "cat2", "cat3"], all.Select(h => h.SourceUri));
        Assert.Equal(0.95, all[0].Score, 4);
        Assert.Equal(["cat1", "cat2", "cat3"], cats.Select(h => h.SourceUri));
        Assert.Equal(["cat1", "cat3"], sureCats.Select(h => h.SourceUri));
        Assert.Equal(["cat3"], review.Select(h => h.SourceUri));
    }

    [Fact]
    public async Task SearchAsync_ExcludedImage_IsLeftOut()
    {
        await using var db = await FreshDatabase.CreateAsync();
        ModelRecord model = await db.RegisterAsync("m", Vectors.Dimension);
        long[] ids = await db.AddImagesAsync("self", "other");
        await db.WriteAsync(model, ids[0], Vectors.Axis(0));
        await db.WriteAsync(model, ids[1], Vectors.Near(0, 0.5, 2));

        var hits = await db.Store.Search.SearchAsync(model, Vectors.Axis(0), 5, SearchFilter.None,
            CancellationToken.None, excludeImageId: ids[0]);

        Assert.Equal(["other"], hits.Select(h => h.SourceUri));
    }
}
