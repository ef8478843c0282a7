using System.Net;
using System.Text.Json;
using Clip.Core.Tests;
using Pipeline.Contracts;
using Pipeline.Processing.Curation;
using Pipeline.Processing.LabelSets;
using Pipeline.Storage;
using Pipeline.Tests.Distributed;

namespace Pipeline.Tests.Curation;

/// <summary>
/// The review page in a real headless Chromium: the orchestrator runs as its own process over a seeded database;
/// tests/browser/review.mjs searches by text, corrects a label and opens the moderation and duplicate views, saving
/// screenshots under the test output's browser-screenshots folder; the correction is then read back from PostgreSQL.
/// </summary>
public sealed class ReviewPageBrowserTests
{
    private static readonly string[] Pictures =
    [
        "skimage_chelsea.png", "skimage_coffee.png", "skimage_coffee_lossy.webp", "skimage_astronaut.png",
        "skimage_astronaut_lossless.webp", "mlnet_banana.jpg", "pillow_flower.jpg", "sklearn_china.jpg",
    ];

    [Fact]
    public async Task ReviewPage_SearchAndCorrectLabel_StoresTheCorrection()
    {
        ReviewPageDriver.EnsureBrowser();
        using var temp = new TempDirectory();
        foreach (string name in Pictures)
        {
            File.Copy(Path.Combine(TinyCorpus.RealImages, name), Path.Combine(temp.Path, name));
        }

        await using var db = await FreshDatabase.CreateAsync();
        var animals = LabelSetFile.FromNames("animals", ["cat", "dog", "flower", "person", "building"]);
        ModelRecord model = await TinyCorpus.EmbedAsync(db, temp.Path, new JobTasks([animals], 3));
        await SeedModerationAsync(db, model);
        await new NearDuplicateFinder(db.Store).RefreshAsync(model, new NearDuplicateOptions { Threshold = 0.999 },
            CancellationToken.None);

        string run = "review_" + Guid.NewGuid().ToString("N")[..12];
        string rabbit = await TestServices.CreateVhostAsync(run);
        string url = LocalUrl.Free();
        var environment = new Dictionary<string, string>
        {
            ["Messaging__RabbitMq__Uri"] = rabbit,
            ["Storage__Postgres__ConnectionString"] = db.ConnectionString,
            ["Model__Directory"] = TinyCorpus.ModelDirectory,
            ["ASPNETCORE_URLS"] = url,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        using var orchestrator = HostProcess.Start("orchestrator", "Pipeline.Orchestrator", environment);
        try
        {
            await ReviewPageDriver.WaitForHealthAsync(url, orchestrator);
            string screenshots = Path.Combine(AppContext.BaseDirectory, "browser-screenshots");
            JsonElement result = await ReviewPageDriver.RunAsync(url, screenshots, "dog", orchestrator);

            long imageId = result.GetProperty("imageId").GetInt64();
            Assert.True(result.GetProperty("hits").GetInt32() > 0);
            Assert.True(result.GetProperty("flagged").GetInt32() == 2);
            Assert.True(result.GetProperty("groups").GetInt32() >= 2);
            await AssertCorrectionAsync(db, imageId, result.GetProperty("oldLabel").GetString());
            await AssertOnlyStoredImagesServedAsync(url, imageId);
            Assert.All(["1-search.png", "2-correction.png", "3-moderation.png", "4-duplicates.png"],
                f => Assert.True(new FileInfo(Path.Combine(screenshots, f)).Length > 10_000, f));
        }
        finally
        {
            await TestServices.DropVhostAsync(run);
        }
    }

    private static async Task AssertCorrectionAsync(FreshDatabase db, long imageId, string? oldLabel)
    {
        var rows = await db.Store.Corrections.ListAsync("animals", 0, 10, CancellationToken.None);
        var row = Assert.Single(rows);
        Assert.Equal(imageId, row.Correction.ImageId);
        Assert.Equal("dog", row.Correction.NewLabel);
        Assert.Equal(oldLabel, row.Correction.OldLabel);
        var best = (await db.Storage.Labels.GetForImageAsync(imageId, CancellationToken.None))
            .Single(l => l.LabelSet == "animals" && l.Rank == 1);
        Assert.Equal(best.Label, row.Correction.OldLabel);
    }

    private static async Task AssertOnlyStoredImagesServedAsync(string url, long imageId)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var stored = await http.GetAsync($"/api/images/{imageId}/content");
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.StartsWith("image/", stored.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var unknown = await http.GetAsync($"/api/images/{imageId + 1000}/content");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/review/..%2F..%2Fappsettings.json")).StatusCode);
    }

    private static async Task SeedModerationAsync(FreshDatabase db, ModelRecord model)
    {
        var policy = await db.Storage.Definitions.SavePolicyAsync("safety", "{}", CancellationToken.None);
        long first = await db.ScalarAsync<long>("SELECT min(id) FROM images");
        await db.Storage.Moderation.WriteAsync(model.Id, policy.Id,
        [
            new ModerationResult(first, 0.91f, ModerationDecision.Flag),
            new ModerationResult(first + 1, 0.55f, ModerationDecision.Review),
            new ModerationResult(first + 2, 0.05f, ModerationDecision.Pass),
        ], CancellationToken.None);
    }
}
