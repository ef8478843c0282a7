using Pipeline.Contracts;
using Pipeline.Processing.Curation;
using Pipeline.Processing.Jobs;
using Pipeline.Processing.Postgres;
using Pipeline.Storage;
using JobProgress = Pipeline.Processing.Jobs.JobProgress;

namespace Pipeline.Tests.Curation;

/// <summary>Re-embedding against PostgreSQL, with a second copy of the tiny model as the new model.</summary>
public sealed class ReembedTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public ReembedTests()
    {
        // A copy named tiny-clip-b registers as another model: the registry keys models by folder name.
        ModelDirectory = Path.Combine(_temp.Path, "tiny-clip-b");
        Directory.CreateDirectory(Path.Combine(ModelDirectory, "onnx"));
        foreach (string file in Directory.GetFiles(TinyCorpus.ModelDirectory, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(ModelDirectory, Path.GetRelativePath(TinyCorpus.ModelDirectory, file)));
        }
    }

    private string ModelDirectory { get; }

    [Fact]
    public async Task StartAsync_SomeImagesEmbedded_JobEmbedsOnlyTheOthersAndLeavesExistingRowsAlone()
    {
        await using var db = await FreshDatabase.CreateAsync();
        string[] files = RealFiles(6);
        long[] ids = await db.AddImagesAsync(files);
        await using var host = await ReembedHost.StartAsync(db, ModelDirectory, batchSize: 2);
        ModelRecord model = (await db.Storage.Models.FindLatestAsync("tiny-clip-b", CancellationToken.None))!;
        for (int i = 0; i < 3; i++)
        {
            await db.WriteAsync(model, ids[i], Marker(i));
        }

        DateTime before = await WrittenAtAsync(db, model, ids[..3]);
        var starter = new ReembedStarter(db.Store, host.Bus, new ReembedOptions { BatchSize = 2 }, TimeProvider.System);
        ReembedStart start = await starter.StartAsync("tiny-clip-b", CancellationToken.None);
        JobProgress done = await host.WaitAsync(start.JobId!.Value);

        Assert.Equal((ReembedOutcome.Started, 3), (start.Outcome, start.Images));
        Assert.Equal((3, 3, 0), (done.TotalImages, done.Embedded, done.Failed));
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(Marker(i), await db.Storage.Embeddings.FindAsync(model, ids[i], CancellationToken.None));
        }

        Assert.Equal(before, await WrittenAtAsync(db, model, ids[..3]));
        for (int i = 3; i < 6; i++)
        {
            float[]? embedding = await db.Storage.Embeddings.FindAsync(model, ids[i], CancellationToken.None);
            Assert.True(embedding is { Length: 32 } && Math.Abs(Vectors.Cosine(embedding, embedding) - 1) < 1e-3);
        }

        ReembedStart again = await starter.StartAsync("tiny-clip-b", CancellationToken.None);
        Assert.Equal(ReembedOutcome.NothingToEmbed, again.Outcome);
    }

    [Fact]
    public async Task StartAsync_RunNotFinished_SecondStartIsRefused()
    {
        await using var db = await FreshDatabase.CreateAsync();
        ModelRecord model = await db.RegisterAsync("m", 4);
        await db.AddImagesAsync("/x/a.jpg");
        var publisher = new RecordingPublisher();
        var starter = new ReembedStarter(db.Store, publisher.Endpoint, new ReembedOptions(), TimeProvider.System);

        ReembedStart first = await starter.StartAsync("m", CancellationToken.None);
        ReembedStart second = await starter.StartAsync("m", CancellationToken.None);

        Assert.Equal(ReembedOutcome.Started, first.Outcome);
        Assert.Equal(ReembedOutcome.AlreadyRunning, second.Outcome);
        JobSubmitted job = Assert.Single(publisher.Jobs);
        Assert.Equal(StoredImageSource.Format(first.JobId!.Value), job.Source);
        Assert.Equal(model.Name, job.ModelName);
    }

    [Fact]
    public async Task ResumeAsync_InterruptedAfterFirstBatch_SkipsItAndEmbedsTheRest()
    {
        await using var db = await FreshDatabase.CreateAsync();
        long[] ids = await db.AddImagesAsync(RealFiles(6));
        await using var host = await ReembedHost.StartAsync(db, ModelDirectory, batchSize: 2);
        ModelRecord model = (await db.Storage.Models.FindLatestAsync("tiny-clip-b", CancellationToken.None))!;

        // What a first orchestrator left behind: the snapshot, the job, batch 0 done with its two embeddings.
        var jobId = Guid.NewGuid();
        await db.Store.Reembeds.TryStartAsync(model, jobId, TimeSpan.FromMinutes(5), CancellationToken.None);
        var job = new JobSubmitted(jobId, StoredImageSource.Format(jobId), model.Name, JobTasks.EmbedOnly, 2,
            DateTimeOffset.UtcNow);
        var store = new PostgresJobStore(db.Storage);
        await store.CreateJobAsync(job, CancellationToken.None);
        await store.RecordBatchAsync(
            new EmbedImageBatch(jobId, 0, job.Source, model.Name, [new("a"), new("b")], job.Tasks),
            CancellationToken.None);
        await store.CompleteBatchAsync(new ImageBatchEmbedded(jobId, 0, 2, 0, [], TimeSpan.Zero, "w"),
            CancellationToken.None);
        await db.WriteAsync(model, ids[0], Marker(0));
        await db.WriteAsync(model, ids[1], Marker(1));

        var coordinator = (JobCoordinator)host.Services.GetService(typeof(JobCoordinator))!;
        Task<JobProgress> done = host.WaitAsync(jobId);
        await coordinator.ResumeAsync(job, host.Bus, CancellationToken.None);
        JobProgress progress = await done;

        Assert.Equal((6, 3, 3), (progress.TotalImages, progress.TotalBatches, progress.CompletedBatches));
        Assert.Equal(Marker(0), await db.Storage.Embeddings.FindAsync(model, ids[0], CancellationToken.None));
        Assert.Equal(Marker(1), await db.Storage.Embeddings.FindAsync(model, ids[1], CancellationToken.None));
        Assert.Equal(6L, await db.ScalarAsync<long>(
            "SELECT count(*) FROM embeddings WHERE model_id = @m", ("m", model.Id)));
    }

    public void Dispose() => _temp.Dispose();

    private static string[] RealFiles(int count) =>
        Directory.GetFiles(TinyCorpus.RealImages).Where(f => !f.EndsWith(".jsonl", StringComparison.Ordinal)
            && !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Take(count).ToArray();

    // A made-up embedding of the tiny model's size, unlike anything the model produces.
    private static float[] Marker(int i)
    {
        var v = new float[32];
        v[i] = 1;
        return v;
    }

    private static Task<DateTime> WrittenAtAsync(FreshDatabase db, ModelRecord model, long[] ids) =>
        db.ScalarAsync<DateTime>(
            "SELECT max(written_at) FROM embeddings WHERE model_id = @m AND image_id = ANY(@ids)",
            ("m", model.Id), ("ids", ids));
}
