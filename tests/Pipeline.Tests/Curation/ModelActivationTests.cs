using Pipeline.Storage;

namespace Pipeline.Tests.Curation;

public sealed class ModelActivationTests
{
    [Fact]
    public async Task RollbackAsync_AfterTwoActivations_RestoresEachPreviousModelInTurn()
    {
        await using var db = await FreshDatabase.CreateAsync();
        ModelRecord a = await db.RegisterAsync("a", 4);
        ModelRecord b = await db.RegisterAsync("b", 4);
        ModelRecord c = await db.RegisterAsync("c", 4);

        await db.Store.Activation.ActivateAsync(a.Id, CancellationToken.None);
        await db.Store.Activation.ActivateAsync(b.Id, CancellationToken.None);
        await db.Store.Activation.ActivateAsync(c.Id, CancellationToken.None);
        int? first = await db.Store.Activation.RollbackAsync(CancellationToken.None);
        int? second = await db.Store.Activation.RollbackAsync(CancellationToken.None);

        Assert.Equal(b.Id, first);
        Assert.Equal(a.Id, second);
        Assert.Equal(a.Id, (await db.Storage.Models.GetActiveAsync(CancellationToken.None))?.Id);
        var history = await db.Store.Activation.HistoryAsync(10, CancellationToken.None);
        Assert.Equal(["rollback", "rollback", "activate", "activate", "activate"], history.Select(h => h.Action));
        Assert.Equal([true, true, false], history.Skip(2).Select(h => h.Undone));
    }

    [Fact]
    public async Task ActivateAsync_UnknownModel_LeavesActiveModelAndHistoryUnchanged()
    {
        await using var db = await FreshDatabase.CreateAsync();
        ModelRecord a = await db.RegisterAsync("a", 4);
        await db.Store.Activation.ActivateAsync(a.Id, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => db.Store.Activation.ActivateAsync(a.Id + 100, CancellationToken.None));

        Assert.Equal(a.Id, (await db.Storage.Models.GetActiveAsync(CancellationToken.None))?.Id);
        Assert.Single(await db.Store.Activation.HistoryAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task RollbackAsync_NothingRecorded_ThrowsAndChangesNothing()
    {
        await using var db = await FreshDatabase.CreateAsync();
        ModelRecord a = await db.RegisterAsync("a", 4);
        await db.Storage.Models.ActivateAsync(a.Id, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => db.Store.Activation.RollbackAsync(CancellationToken.None));

        Assert.Equal(a.Id, (await db.Storage.Models.GetActiveAsync(CancellationToken.None))?.Id);
    }

    [Fact]
    public async Task ActivateAsync_ConcurrentSwitches_OneModelActiveAndHistoryChainsWithoutGaps()
    {
        await using var db = await FreshDatabase.CreateAsync();
        var models = new List<ModelRecord>();
        for (int i = 0; i < 6; i++)
        {
            models.Add(await db.RegisterAsync("m" + i, 4));
        }

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            db.Store.Activation.ActivateAsync(models[i % models.Count].Id, CancellationToken.None)));

        long active = await db.ScalarAsync<long>("SELECT count(*) FROM models WHERE is_active");
        Assert.Equal(1, active);
        var history = (await db.Store.Activation.HistoryAsync(100, CancellationToken.None)).Reverse().ToList();
        for (int i = 1; i < history.Count; i++)
        {
            // Each switch saw the previous switch's model as the active one: no two interleaved.
            Assert.Equal(history[i - 1].ModelId, history[i].PreviousModelId);
        }

        Assert.Equal(history[^1].ModelId, (await db.Storage.Models.GetActiveAsync(CancellationToken.None))?.Id);
    }
}
