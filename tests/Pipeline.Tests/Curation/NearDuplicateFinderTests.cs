using Pipeline.Processing.Curation;
using Pipeline.Storage;

namespace Pipeline.Tests.Curation;

public sealed class NearDuplicateFinderTests
{
    [Fact]
    public async Task RefreshAsync_ChainAndPair_GroupsTransitivelyAndStoresThem()
    {
        await using var db = await FreshDatabase.CreateAsync();
        ModelRecord model = await db.RegisterAsync("m", Vectors.Dimension);
        long[] ids = await db.AddImagesAsync("a", "a1", "a2", "b", "b1", "c", "d");
        float[][] vectors =
        [
            Vectors.Axis(0), Vectors.Near(0, 0.97, 1), Vectors.Near(0, 0.85, 1),
            Vectors.Axis(3), Vectors.Near(3, 0.96, 4), Vectors.Axis(6), Vectors.Near(3, 0.5, 5),
        ];
        for (int i = 0; i < ids.Length; i++)
        {
            await db.WriteAsync(model, ids[i], vectors[i]);
        }

        // a and a2 are far apart (0.85); they join through a1, which is near both.
        Assert.True(Vectors.Cosine(vectors[1], vectors[2]) >= 0.95);
        var groups = await new NearDuplicateFinder(db.Store).RefreshAsync(
            model, new NearDuplicateOptions { Threshold = 0.95 }, CancellationToken.None);

        Assert.Equal(2, groups.Count);
        Assert.Equal(["a", "a1", "a2"], groups[0].Members.Select(m => m.SourceUri));
        Assert.Equal(["b", "b1"], groups[1].Members.Select(m => m.SourceUri));
        Assert.Equal(0.96, groups[1].Members[0].Similarity, 4);
        var stored = await db.Store.Duplicates.ListAsync(model, 0, 10, CancellationToken.None);
        Assert.Equal(
            groups.Select(g => g.Members.Select(m => m.ImageId)),
            stored.Select(g => g.Members.Select(m => m.ImageId)));
    }

    [Fact]
    public async Task RefreshAsync_HigherThreshold_ReplacesOnlyThatModelsGroups()
    {
        await using var db = await FreshDatabase.CreateAsync();
        ModelRecord first = await db.RegisterAsync("first", Vectors.Dimension);
        ModelRecord second = await db.RegisterAsync("second", Vectors.Dimension);
        long[] ids = await db.AddImagesAsync("x", "y");
        foreach (ModelRecord model in new[] { first, second })
        {
            await db.WriteAsync(model, ids[0], Vectors.Axis(0));
            await db.WriteAsync(model, ids[1], Vectors.Near(0, 0.97, 1));
        }

        var finder = new NearDuplicateFinder(db.Store);
        await finder.RefreshAsync(first, new NearDuplicateOptions { Threshold = 0.95 }, CancellationToken.None);
        await finder.RefreshAsync(second, new NearDuplicateOptions { Threshold = 0.95 }, CancellationToken.None);
        var none = await finder.RefreshAsync(
            first, new NearDuplicateOptions { Threshold = 0.99 }, CancellationToken.None);

        Assert.Empty(none);
        Assert.Empty(await db.Store.Duplicates.ListAsync(first, 0, 10, CancellationToken.None));
        Assert.Single(await db.Store.Duplicates.ListAsync(second, 0, 10, CancellationToken.None));
    }

    [Theory]
    [InlineData(0.999)]
    [InlineData(0.9999)]
    public async Task RefreshAsync_RealCorpus_MatchesExactGroupsAndKeepsSameScenePairsTogether(double threshold)
    {
        await using var db = await FreshDatabase.CreateAsync();
        ModelRecord model = await TinyCorpus.EmbedAsync(db, TinyCorpus.RealImages);

        var groups = await new NearDuplicateFinder(db.Store).RefreshAsync(
            model, new NearDuplicateOptions { Threshold = threshold }, CancellationToken.None);

        var exact = await ExactGroupsAsync(db, model, threshold);
        Assert.Equal(exact, groups.Select(g => string.Join('|', g.Members.Select(m => m.SourceUri).Order())).Order());
        var groupOf = groups.SelectMany(g => g.Members.Select(m => (Path.GetFileName(m.SourceUri), g.Group)))
            .ToDictionary(x => x.Item1, x => x.Group);
        foreach (var (file, sameAs) in TinyCorpus.SameScenePairs().Where(_ => threshold <= 0.999))
        {
            Assert.True(groupOf.TryGetValue(file, out int g) && groupOf.GetValueOrDefault(sameAs) == g,
                $"{file} and {sameAs} are not in one group at {threshold}");
        }
    }

    // Every pair compared, groups as connected components: what the index-based finder must reproduce.
    private static async Task<IEnumerable<string>> ExactGroupsAsync(FreshDatabase db, ModelRecord model, double t)
    {
        var all = new List<(string Uri, float[] E)>();
        await foreach (var page in db.Store.Embeddings.ListPagesAsync(model, 100, CancellationToken.None))
        {
            all.AddRange(page.Select(p => (p.SourceUri, p.Embedding)));
        }

        var component = Enumerable.Range(0, all.Count).ToArray();
        int Root(int i) => component[i] == i ? i : component[i] = Root(component[i]);
        for (int i = 0; i < all.Count; i++)
        {
            for (int j = i + 1; j < all.Count; j++)
            {
                if (Vectors.Cosine(all[i].E, all[j].E) >= t)
                {
                    component[Root(i)] = Root(j);
                }
            }
        }

        return Enumerable.Range(0, all.Count).GroupBy(Root).Where(g => g.Count() > 1)
            .Select(g => string.Join('|', g.Select(i => all[i].Uri).Order())).Order().ToList();
    }
}
