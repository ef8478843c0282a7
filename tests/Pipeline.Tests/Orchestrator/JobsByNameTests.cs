using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Pipeline.Contracts;
using Pipeline.Processing.Probes;
using Pipeline.Storage;
using Pipeline.Tests.Curation;
using Pipeline.Tests.Probes;

namespace Pipeline.Tests.Orchestrator;

/// <summary>
/// A job that names a stored label set and a stored linear probe, through the orchestrator and a worker process
/// over RabbitMQ to the labels in PostgreSQL.
/// </summary>
public sealed class JobsByNameTests : IClassFixture<OrchestratorFixture>, IDisposable
{
    private static readonly string[] Pictures = ["skimage_chelsea.png", "mlnet_banana.jpg", "pillow_flower.jpg"];

    private readonly OrchestratorFixture _hosts;
    private readonly TempDirectory _temp = new();

    public JobsByNameTests(OrchestratorFixture hosts) => _hosts = hosts;

    [Fact]
    public async Task SubmitJob_StoredLabelSetAndProbeByName_WorkerStoresTheLabelsOfBoth()
    {
        string images = Path.Combine(_temp.Path, "images");
        Directory.CreateDirectory(images);
        foreach (string name in Pictures)
        {
            File.Copy(Path.Combine(TinyCorpus.RealImages, name), Path.Combine(images, name));
        }

        LinearProbeDefinition probe = TestProbes.For(_hosts.Model.Name, _hosts.Model.FileHash,
            _hosts.Model.EmbeddingDim, "scene-by-name");
        string probeFile = Path.Combine(_temp.Path, "probe.json");
        probe.ToLinearProbe().Save(probeFile);
        await PutAsync("/label-sets/animals-by-name", "cat\ndog\nflower\nbanana\n", "text/plain");
        await PutAsync("/probes/scene-by-name", await File.ReadAllTextAsync(probeFile), "application/json");

        var response = await _hosts.Http.PostAsJsonAsync("/jobs", new
        {
            source = images,
            model = _hosts.Model.Name,
            labelSetNames = new[] { "animals-by-name" },
            probeNames = new[] { "scene-by-name" },
            topK = 2,
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Guid jobId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid();
        await WaitForJobAsync(jobId);

        foreach (string name in Pictures)
        {
            long id = await _hosts.Database.ScalarAsync<long>("SELECT id FROM images WHERE source_uri LIKE @uri",
                ("uri", "%/" + name));
            float[] embedding = (await _hosts.Database.Storage.Embeddings.FindAsync(_hosts.Model, id,
                CancellationToken.None))!;
            var labels = await _hosts.Database.Storage.Labels.GetForImageAsync(id, CancellationToken.None);
            var expected = TestProbes.Expected(probe, embedding, 2)
                .Select(l => new StoredLabel(_hosts.Model.Id, probe.Name, l.Label, l.Score, (short)l.Rank));
            Assert.Equal(expected, labels.Where(l => l.LabelSet == probe.Name));
            Assert.Equal(2, labels.Count(l => l.LabelSet == "animals-by-name"));
        }
    }

    public void Dispose() => _temp.Dispose();

    private async Task PutAsync(string path, string body, string contentType)
    {
        var response = await _hosts.Http.PutAsync(path, new StringContent(body, Encoding.UTF8, contentType));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task WaitForJobAsync(Guid jobId)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            // The job is recorded once the orchestrator consumes the submission: until then it is not found.
            var response = await _hosts.Http.GetAsync($"/jobs/{jobId}");
            if (response.IsSuccessStatusCode)
            {
                var progress = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (progress.GetProperty("isFinished").GetBoolean())
                {
                    Assert.Equal(Pictures.Length, progress.GetProperty("embedded").GetInt32());
                    return;
                }
            }

            await Task.Delay(300);
        }

        throw new TimeoutException($"Job {jobId} did not finish within 2 minutes.\n" + _hosts.Logs);
    }
}
