using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Azure.Storage.Blobs;
using Clip.Core.Models;
using Clip.Core.Tests;
using Npgsql;
using Pipeline.Processing.Consumers;
using Pipeline.Storage;
using Pipeline.Storage.Postgres;

namespace Pipeline.Tests.Distributed;

/// <summary>
/// The distributed mode end to end: images in Azurite, an orchestrator and two worker processes over RabbitMQ,
/// results in PostgreSQL with pgvector. Each run has its own database, vhost and container.
/// </summary>
public sealed class DistributedPipelineTests
{
    private static readonly string[] EdgeFiles =
    [
        "random_bytes.jpg", "jpeg_missing_sos.jpg", "png_declares_50000x50000_rgba.png", "html_404_error_page.jpg",
        "gif_animated_6_frames.gif", "exif_orientation_6.jpg",
    ];

    private static string TinyModel => Path.Combine(SharedData.RepositoryRoot, "tests", "fixtures", "tiny-clip");

    [Fact]
    public async Task Job_OrchestratorAndTwoWorkers_EveryImageHasOneEmbeddingOrOneErrorAndLabels()
    {
        await using var run = await IsolatedRun.CreateAsync();
        var uploaded = await UploadAsync(run.Blobs);
        run.Start("workers", "Pipeline.Worker", FreeUrl());
        run.Start("workers", "Pipeline.Worker", FreeUrl());
        string orchestrator = FreeUrl();
        run.Start("orchestrator", "Pipeline.Orchestrator", orchestrator);

        ModelRecord model = await WaitForModelAsync(run.Storage, run.Hosts);
        using var http = new HttpClient { BaseAddress = new Uri(orchestrator) };
        await WaitForHealthAsync(http, run.Hosts);
        Guid jobId = await SubmitAsync(http, run.Blobs, model);
        await WaitForJobAsync(http, jobId, run.Hosts);

        await AssertResultsAsync(run.Storage, model, jobId, uploaded);
    }

    [Fact]
    public async Task Job_OrchestratorKilledAfterListing_NextOrchestratorResumesItToTheEnd()
    {
        await using var run = await IsolatedRun.CreateAsync();
        var uploaded = await UploadAsync(run.Blobs);

        // A worker registers the model, declares its queue (healthy means its bus is up) and leaves, so the
        // first orchestrator's batches wait in that queue.
        string registrarUrl = FreeUrl();
        using (var registrar = HostProcess.Start("workers", "Pipeline.Worker", run.EnvironmentFor(registrarUrl)))
        {
            await WaitForModelAsync(run.Storage, [registrar]);
            using var probe = new HttpClient { BaseAddress = new Uri(registrarUrl) };
            await WaitForHealthAsync(probe, [registrar]);
        }

        ModelRecord model = (await run.Storage.Models.GetActiveAsync(CancellationToken.None))!;
        Guid jobId;
        string first = FreeUrl();
        using (var orchestrator = HostProcess.Start("orchestrator", "Pipeline.Orchestrator",
                   run.EnvironmentFor(first)))
        {
            using var http = new HttpClient { BaseAddress = new Uri(first) };
            await WaitForHealthAsync(http, [orchestrator]);
            jobId = await SubmitAsync(http, run.Blobs, model);
            await WaitForAsync(http, jobId, [orchestrator], p => p.GetProperty("listed").GetBoolean());
        }

        // The published batches are lost too: only the database can tell the next orchestrator what is left.
        await TestServices.PurgeQueueAsync(run.Name, EmbedImageBatchConsumer.QueueName);

        string second = FreeUrl();
        run.Start("workers", "Pipeline.Worker", FreeUrl());
        run.Start("orchestrator", "Pipeline.Orchestrator", second);
        using var client = new HttpClient { BaseAddress = new Uri(second) };
        await WaitForHealthAsync(client, run.Hosts);
        await WaitForJobAsync(client, jobId, run.Hosts);

        await AssertResultsAsync(run.Storage, model, jobId, uploaded);
    }

    private static async Task<Guid> SubmitAsync(HttpClient http, BlobContainerClient blobs, ModelRecord model)
    {
        var response = await http.PostAsJsonAsync("/jobs", new
        {
            source = $"{blobs.Uri}/photos/",
            model = model.Name,
            labels = new[] { "cat", "dog", "car", "flower" },
            policies = new[]
            {
                new
                {
                name = "weapons",
                positivePrompts = new[] { "a photo of a weapon." },
                negativePrompts = new[] { "a photo of something harmless." },
                flagThreshold = 0.9f,
                reviewThreshold = 0.5f,
                },
            },
            topK = 2,
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Guid jobId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid();
        return jobId;
    }

    private static async Task AssertResultsAsync(
        PostgresStorage storage,
        ModelRecord model,
        Guid jobId,
        IReadOnlyList<(string Uri, bool Real)> uploaded)
    {
        var embedded = await QueryAsync(storage, """
            SELECT i.source_uri, count(*) FROM embeddings e JOIN images i ON i.id = e.image_id
            WHERE e.model_id = @model GROUP BY i.source_uri
            """, model.Id);
        var errors = await QueryAsync(storage, """
            SELECT source_uri, count(*) FROM image_errors WHERE job_id = @job GROUP BY source_uri
            """, jobId);
        var labelled = await QueryAsync(storage, """
            SELECT i.source_uri, count(*) FROM labels l JOIN images i ON i.id = l.image_id
            WHERE l.model_id = @model GROUP BY i.source_uri
            """, model.Id);

        var moderated = await QueryAsync(storage, """
            SELECT i.source_uri, count(*) FROM moderation_scores m JOIN images i ON i.id = m.image_id
            WHERE m.model_id = @model AND m.decision IN ('pass', 'review', 'flag') GROUP BY i.source_uri
            """, model.Id);

        foreach (var (uri, real) in uploaded)
        {
            int embeddings = embedded.GetValueOrDefault(uri);
            int failures = errors.GetValueOrDefault(uri);
            Assert.True(embeddings + failures == 1, $"{uri}: {embeddings} embeddings and {failures} errors");
            if (real)
            {
                Assert.Equal(1, embeddings);
                Assert.Equal(2, labelled.GetValueOrDefault(uri));
                Assert.Equal(1, moderated.GetValueOrDefault(uri));
            }
        }

        Assert.Equal(uploaded.Count, embedded.Count + errors.Count);
        Assert.Contains(uploaded, u => u.Uri.EndsWith("random_bytes.jpg", StringComparison.Ordinal)
                                       && errors.ContainsKey(u.Uri));

        // The index answers a nearest-neighbour query with the same image as an exact scan.
        using var clip = ClipModel.Load(TinyModel);
        float[] query = clip.TextEncoder.Encode(["a photo of a cat"]).RowToArray(0);
        var hits = await storage.Search.SearchAsync(model, query, 3, CancellationToken.None);
        string exact = (await QueryAsync(storage, """
            SELECT i.source_uri, 1 FROM embeddings e JOIN images i ON i.id = e.image_id WHERE e.model_id = @model
            ORDER BY e.embedding <=> @query::vector LIMIT 1
            """, model.Id, new Pgvector.Vector(query))).Keys.Single();
        Assert.Equal(exact, hits[0].SourceUri);
    }

    private static async Task<List<(string Uri, bool Real)>> UploadAsync(BlobContainerClient blobs)
    {
        await blobs.CreateIfNotExistsAsync();
        var files = Directory.GetFiles(SharedData.PathOf("images", "real"))
            .Where(f => !f.EndsWith(".jsonl", StringComparison.Ordinal))
            .Where(f => !f.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Take(8)
            .Select(f => (Path: f, Real: true))
            .Concat(EdgeFiles.Select(name => (Path: SharedData.PathOf("images", "edge", name), Real: false)));
        var uploaded = new List<(string, bool)>();
        foreach (var (path, real) in files)
        {
            var blob = blobs.GetBlobClient("photos/" + Path.GetFileName(path));
            await blob.UploadAsync(path, overwrite: true);
            uploaded.Add((blob.Uri.AbsoluteUri, real));
        }

        return uploaded;
    }

    private static async Task<ModelRecord> WaitForModelAsync(PostgresStorage storage, List<HostProcess> hosts)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            ThrowIfExited(hosts);
            try
            {
                if (await storage.Models.GetActiveAsync(CancellationToken.None) is { } model)
                {
                    return model;
                }
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                // The first worker has not migrated the schema yet.
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("No worker registered its model within 2 minutes.\n" + Logs(hosts));
    }

    private static async Task WaitForHealthAsync(HttpClient http, List<HostProcess> hosts)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            ThrowIfExited(hosts);
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"{http.BaseAddress} did not become healthy.\n" + Logs(hosts));
    }

    private static Task WaitForJobAsync(HttpClient http, Guid jobId, List<HostProcess> hosts) =>
        WaitForAsync(http, jobId, hosts, p => p.GetProperty("isFinished").GetBoolean());

    private static async Task WaitForAsync(
        HttpClient http,
        Guid jobId,
        List<HostProcess> hosts,
        Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            ThrowIfExited(hosts);
            var response = await http.GetAsync($"/jobs/{jobId}");
            if (response.IsSuccessStatusCode)
            {
                var progress = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (done(progress))
                {
                    return;
                }
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"Job {jobId} did not get there within 4 minutes.\n" + Logs(hosts));
    }

    private static void ThrowIfExited(List<HostProcess> hosts)
    {
        if (hosts.Any(h => h.HasExited))
        {
            throw new InvalidOperationException("A host process exited early.\n" + Logs(hosts));
        }
    }

    private static string Logs(List<HostProcess> hosts) =>
        string.Join("\n---\n", hosts.Select(h => h.Output));

    private static string FreeUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }

    private static async Task<Dictionary<string, int>> QueryAsync(
        PostgresStorage storage,
        string sql,
        object key,
        object? query = null)
    {
        await using var command = storage.DataSource.CreateCommand(sql);
        command.Parameters.AddWithValue(key is Guid ? "job" : "model", key);
        if (query is not null)
        {
            command.Parameters.AddWithValue("query", query);
        }

        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result[reader.GetString(0)] = (int)reader.GetInt64(1);
        }

        return result;
    }

    /// <summary>
    /// One test's own database, RabbitMQ vhost and blob container, and the host processes it starts; all removed
    /// on dispose, so runs never see each other's messages or rows.
    /// </summary>
    private sealed class IsolatedRun : IAsyncDisposable
    {
        private IsolatedRun(string name, string database, string rabbit)
        {
            Name = name;
            Database = database;
            Rabbit = rabbit;
            Blobs = new BlobServiceClient(TestServices.Azurite).GetBlobContainerClient(name.Replace('_', '-'));
            Storage = PostgresStorage.Create(new PostgresStorageOptions { ConnectionString = database });
        }

        public string Name { get; }

        public BlobContainerClient Blobs { get; }

        public PostgresStorage Storage { get; }

        public List<HostProcess> Hosts { get; } = [];

        private string Database { get; }

        private string Rabbit { get; }

        public static async Task<IsolatedRun> CreateAsync()
        {
            string name = "e2e_" + Guid.NewGuid().ToString("N")[..12];
            await using (var admin = new NpgsqlConnection(TestServices.Postgres))
            {
                await admin.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
                await command.ExecuteNonQueryAsync();
            }

            string database = new NpgsqlConnectionStringBuilder(TestServices.Postgres) { Database = name }
                .ConnectionString;
            return new IsolatedRun(name, database, await TestServices.CreateVhostAsync(name));
        }

        /// <summary>The configuration of a host of this run listening on <paramref name="url"/>.</summary>
        public Dictionary<string, string> EnvironmentFor(string url) => new()
        {
            ["Messaging__RabbitMq__Uri"] = Rabbit,
            ["Storage__Postgres__ConnectionString"] = Database,
            ["Sources__Blob__ConnectionString"] = TestServices.Azurite,
            ["Model__Directory"] = TinyModel,
            ["Pipeline__BatchSize"] = "3",
            ["Logging__LogLevel__Default"] = "Warning",
            ["ASPNETCORE_URLS"] = url,
        };

        /// <summary>Starts a host that lives until the run ends.</summary>
        public void Start(string folder, string assembly, string url) =>
            Hosts.Add(HostProcess.Start(folder, assembly, EnvironmentFor(url)));

        public async ValueTask DisposeAsync()
        {
            foreach (HostProcess host in Hosts)
            {
                host.Dispose();
            }

            await Storage.DisposeAsync();
            await Blobs.DeleteIfExistsAsync();
            await TestServices.DropVhostAsync(Name);
            await using var admin = new NpgsqlConnection(TestServices.Postgres);
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", admin);
            await command.ExecuteNonQueryAsync();
        }
    }
}
