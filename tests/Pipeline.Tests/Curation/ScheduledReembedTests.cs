using System.Net.Http.Json;
using System.Text.Json;
using Pipeline.Storage;
using Pipeline.Tests.Distributed;

namespace Pipeline.Tests.Curation;

/// <summary>
/// The distributed hosts as processes over RabbitMQ: an orchestrator with a re-embedding schedule and a worker
/// serving a second model; the schedule alone gets every stored image embedded with that model.
/// </summary>
public sealed class ScheduledReembedTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Orchestrator_ScheduleDue_EmbedsStoredImagesWithTheNewModel()
    {
        await using var db = await FreshDatabase.CreateAsync();
        string images = Path.Combine(_temp.Path, "images");
        Directory.CreateDirectory(images);
        string[] pictures = ["skimage_chelsea.png", "mlnet_banana.jpg", "pillow_flower.jpg", "wuffs_hat.jpeg"];
        foreach (string name in pictures)
        {
            File.Copy(Path.Combine(TinyCorpus.RealImages, name), Path.Combine(images, name));
        }

        await TinyCorpus.EmbedAsync(db, images);
        string newModel = CopyModel("tiny-clip-next");
        string run = "sched_" + Guid.NewGuid().ToString("N")[..12];
        string rabbit = await TestServices.CreateVhostAsync(run);
        var env = new Dictionary<string, string>
        {
            ["Messaging__RabbitMq__Uri"] = rabbit,
            ["Storage__Postgres__ConnectionString"] = db.ConnectionString,
            ["Model__Directory"] = newModel,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Reembed__Schedule"] = "*/2 * * * * *",
            ["Reembed__Model"] = "tiny-clip-next",
            ["Reembed__CheckInterval"] = "00:00:01",
        };
        string url = LocalUrl.Free();
        using var worker = HostProcess.Start("workers", "Pipeline.Worker", new Dictionary<string, string>(env)
        {
            ["ASPNETCORE_URLS"] = LocalUrl.Free(),
        });
        using var orchestrator = HostProcess.Start("orchestrator", "Pipeline.Orchestrator",
            new Dictionary<string, string>(env) { ["ASPNETCORE_URLS"] = url });
        try
        {
            long embedded = await WaitForEmbeddingsAsync(db, 4, worker, orchestrator);

            Assert.Equal(4, embedded);
            Assert.Equal(1L, await db.ScalarAsync<long>(
                "SELECT count(*) FROM jobs WHERE source LIKE 'stored-images:reembed/%' AND state = 'completed'"));
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            var again = await http.PostAsJsonAsync("/reembed", new { model = "tiny-clip-next" });
            var answer = await again.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("NothingToEmbed", answer.GetProperty("outcome").GetString());
        }
        finally
        {
            await TestServices.DropVhostAsync(run);
        }
    }

    public void Dispose() => _temp.Dispose();

    private static async Task<long> WaitForEmbeddingsAsync(
        FreshDatabase db,
        long expected,
        HostProcess worker,
        HostProcess orchestrator)
    {
        const string Count = """
            SELECT count(*) FROM embeddings e JOIN models m ON m.id = e.model_id
            WHERE m.name = 'tiny-clip-next'
            """;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        long count = 0;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(worker.HasExited || orchestrator.HasExited,
                "A host exited early.\n" + worker.Output + "\n---\n" + orchestrator.Output);
            count = await db.ScalarAsync<long>(Count);
            bool done = await db.ScalarAsync<long>("SELECT count(*) FROM jobs WHERE state = 'completed'") > 0;
            if (count >= expected && done)
            {
                return count;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException(
            $"{count} of {expected} images embedded after 2 minutes.\n{worker.Output}\n---\n{orchestrator.Output}");
    }

    private string CopyModel(string name)
    {
        string folder = Path.Combine(_temp.Path, name);
        foreach (string file in Directory.GetFiles(TinyCorpus.ModelDirectory, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(folder, Path.GetRelativePath(TinyCorpus.ModelDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return folder;
    }
}
