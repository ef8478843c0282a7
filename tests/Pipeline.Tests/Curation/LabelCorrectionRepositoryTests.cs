using Pipeline.Storage.Postgres.Curation;

namespace Pipeline.Tests.Curation;

public sealed class LabelCorrectionRepositoryTests
{
    [Fact]
    public async Task AddAsync_CorrectionAndAcceptance_AreListedInOrderWithTheirImage()
    {
        await using var db = await FreshDatabase.CreateAsync();
        long[] ids = await db.AddImagesAsync("/photos/a.jpg", "/photos/b.jpg");
        await db.Storage.Definitions.SaveLabelSetAsync("animals", "{}", CancellationToken.None);

        var corrections = db.Store.Corrections;
        await corrections.AddAsync(new LabelCorrection(ids[0], "animals", "dog", "cat"), CancellationToken.None);
        await corrections.AddAsync(new LabelCorrection(ids[1], "animals", "cat", "cat"), CancellationToken.None);
        var rows = await db.Store.Corrections.ListAsync("animals", 0, 10, CancellationToken.None);

        Assert.Equal(2, rows.Count);
        Assert.Equal(("/photos/a.jpg", "dog", "cat", false),
            (rows[0].SourceUri, rows[0].Correction.OldLabel, rows[0].Correction.NewLabel,
                rows[0].Correction.IsAcceptance));
        Assert.True(rows[1].Correction.IsAcceptance);
    }

    [Fact]
    public async Task AddAsync_UnknownLabelSetOrImage_Throws()
    {
        await using var db = await FreshDatabase.CreateAsync();
        long[] ids = await db.AddImagesAsync("/photos/a.jpg");
        await db.Storage.Definitions.SaveLabelSetAsync("animals", "{}", CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Store.Corrections.AddAsync(
            new LabelCorrection(ids[0], "plants", null, "fern"), CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Store.Corrections.AddAsync(
            new LabelCorrection(ids[0] + 50, "animals", null, "cat"), CancellationToken.None));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM label_corrections"));
    }
}
