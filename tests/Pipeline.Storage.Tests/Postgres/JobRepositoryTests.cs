using Pipeline.Storage.Postgres;

namespace Pipeline.Storage.Tests.Postgres;

public sealed class JobRepositoryTests : IClassFixture<PostgresDatabaseFixture>
{
    private readonly PostgresStorage _storage;

    public JobRepositoryTests(PostgresDatabaseFixture database) => _storage = database.Storage;

    [Fact]
    public async Task ListUnfinishedAsync_MixOfJobs_ListsCreatedAndRunningOnly()
    {
        var model = await _storage.Models.RegisterAsync(TestData.Model(8), CancellationToken.None);
        var created = await CreateAsync(model);
        var running = await CreateAsync(model);
        await _storage.Batches.AddAsync(running, [new BatchPlan(0, 2), new BatchPlan(1, 2)], CancellationToken.None);
        await _storage.Batches.MarkDoneAsync(running, 0, 2, 0, CancellationToken.None);
        var completed = await CreateAsync(model);
        await _storage.Batches.AddAsync(completed, [new BatchPlan(0, 1)], CancellationToken.None);
        await _storage.Jobs.CompleteListingAsync(completed, CancellationToken.None);
        await _storage.Batches.MarkDoneAsync(completed, 0, 1, 0, CancellationToken.None);
        var cancelled = await CreateAsync(model);
        await _storage.Jobs.StopAsync(cancelled, JobState.Cancelled, CancellationToken.None);

        var unfinished = await _storage.Jobs.ListUnfinishedAsync(CancellationToken.None);

        var mine = unfinished.Where(job => job.Definition.ModelId == model.Id).ToList();
        Assert.Equal([created, running], mine.Select(job => job.Definition.Id));
        Assert.Equal([JobState.Created, JobState.Running], mine.Select(job => job.State));
        var pending = await _storage.Batches.ListAsync(running, BatchState.Pending, CancellationToken.None);
        Assert.Equal([1], pending.Select(batch => batch.Index));
    }

    [Fact]
    public async Task CreateAsync_SameJobTwice_RecordsItOnce()
    {
        var model = await _storage.Models.RegisterAsync(TestData.Model(8), CancellationToken.None);
        var job = new JobDefinition(Guid.NewGuid(), "folder/images", model.Id, """{"label":"animals"}""");

        var first = await _storage.Jobs.CreateAsync(job, CancellationToken.None);
        var second = await _storage.Jobs.CreateAsync(job, CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        var stored = await _storage.Jobs.GetAsync(job.Id, CancellationToken.None);
        Assert.Equal(job.Source, stored!.Definition.Source);
        Assert.Equal(JobState.Created, stored.State);
    }

    [Fact]
    public async Task CompleteListingAsync_NoBatchPending_CompletesTheJob()
    {
        var model = await _storage.Models.RegisterAsync(TestData.Model(8), CancellationToken.None);
        var jobId = await CreateAsync(model);

        var job = await _storage.Jobs.CompleteListingAsync(jobId, CancellationToken.None);

        Assert.True(job.ListingComplete);
        Assert.Equal(JobState.Completed, job.State);
    }

    [Fact]
    public async Task StopAsync_CompletedJob_KeepsCompleted()
    {
        var model = await _storage.Models.RegisterAsync(TestData.Model(8), CancellationToken.None);
        var jobId = await CreateAsync(model);
        await _storage.Jobs.CompleteListingAsync(jobId, CancellationToken.None);

        var job = await _storage.Jobs.StopAsync(jobId, JobState.Failed, CancellationToken.None);

        Assert.Equal(JobState.Completed, job.State);
    }

    private async Task<Guid> CreateAsync(ModelRecord model)
    {
        var jobId = Guid.NewGuid();
        await _storage.Jobs.CreateAsync(
            new JobDefinition(jobId, "container/prefix", model.Id, """{"embed":true}"""),
            CancellationToken.None);
        return jobId;
    }
}
