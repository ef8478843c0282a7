using Pipeline.Storage.Postgres;

namespace Pipeline.Storage.Tests.Postgres;

public sealed class BatchRepositoryTests : IClassFixture<PostgresDatabaseFixture>
{
    private readonly PostgresStorage _storage;

    public BatchRepositoryTests(PostgresDatabaseFixture database) => _storage = database.Storage;

    [Fact]
    public async Task MarkDoneAsync_SameBatchTwice_CountsItOnce()
    {
        var jobId = await CreateJobAsync([new BatchPlan(0, 10), new BatchPlan(1, 7)]);

        var first = await _storage.Batches.MarkDoneAsync(jobId, 0, 9, 1, CancellationToken.None);
        var second = await _storage.Batches.MarkDoneAsync(jobId, 0, 9, 1, CancellationToken.None);

        Assert.True(first.Counted);
        Assert.False(second.Counted);
        Assert.Equal(1, second.Job.BatchesDone);
        Assert.Equal(9, second.Job.ImagesDone);
        Assert.Equal(1, second.Job.ImagesFailed);
        Assert.Equal(JobState.Running, second.Job.State);
    }

    [Fact]
    public async Task MarkDoneAsync_ConcurrentDuplicateDeliveries_CountsExactlyOne()
    {
        var jobId = await CreateJobAsync([new BatchPlan(0, 5)]);

        var reports = await Task.WhenAll(Enumerable.Range(0, 4).Select(
            _ => _storage.Batches.MarkDoneAsync(jobId, 0, 5, 0, CancellationToken.None)));

        Assert.Single(reports, report => report.Counted);
        var job = await _storage.Jobs.GetAsync(jobId, CancellationToken.None);
        Assert.Equal(1, job!.BatchesDone);
        Assert.Equal(5, job.ImagesDone);
    }

    [Fact]
    public async Task MarkDoneAsync_LastBatchAfterListingComplete_CompletesTheJob()
    {
        var jobId = await CreateJobAsync([new BatchPlan(0, 3), new BatchPlan(1, 2)]);
        await _storage.Jobs.CompleteListingAsync(jobId, CancellationToken.None);

        var afterFirst = await _storage.Batches.MarkDoneAsync(jobId, 0, 3, 0, CancellationToken.None);
        var afterLast = await _storage.Batches.MarkDoneAsync(jobId, 1, 2, 0, CancellationToken.None);

        Assert.Equal(JobState.Running, afterFirst.Job.State);
        Assert.Equal(JobState.Completed, afterLast.Job.State);
        Assert.Equal(5, afterLast.Job.ImagesTotal);
        Assert.Equal(5, afterLast.Job.ImagesDone);
    }

    [Fact]
    public async Task MarkDoneAsync_BatchThatHadFailed_MovesFromFailedToDone()
    {
        var jobId = await CreateJobAsync([new BatchPlan(0, 4)]);

        var failed = await _storage.Batches.MarkFailedAsync(jobId, 0, "worker crashed", CancellationToken.None);
        var done = await _storage.Batches.MarkDoneAsync(jobId, 0, 4, 0, CancellationToken.None);

        Assert.Equal(1, failed.Job.BatchesFailed);
        Assert.True(done.Counted);
        Assert.Equal(0, done.Job.BatchesFailed);
        Assert.Equal(1, done.Job.BatchesDone);
    }

    [Fact]
    public async Task MarkFailedAsync_BatchAlreadyDone_ChangesNothing()
    {
        var jobId = await CreateJobAsync([new BatchPlan(0, 4)]);
        await _storage.Batches.MarkDoneAsync(jobId, 0, 4, 0, CancellationToken.None);

        var failed = await _storage.Batches.MarkFailedAsync(jobId, 0, "late failure", CancellationToken.None);

        Assert.False(failed.Counted);
        Assert.Equal(0, failed.Job.BatchesFailed);
        Assert.Equal(1, failed.Job.BatchesDone);
    }

    [Fact]
    public async Task AddAsync_PageRecordedAgain_AddsOnlyNewBatches()
    {
        var jobId = await CreateJobAsync([new BatchPlan(0, 8), new BatchPlan(1, 8)]);

        var added = await _storage.Batches.AddAsync(
            jobId,
            [new BatchPlan(1, 8), new BatchPlan(2, 3)],
            CancellationToken.None);

        var job = await _storage.Jobs.GetAsync(jobId, CancellationToken.None);
        Assert.Equal(1, added);
        Assert.Equal(3, job!.BatchCount);
        Assert.Equal(19, job.ImagesTotal);
    }

    [Fact]
    public async Task MarkDoneAsync_UnknownBatch_Throws()
    {
        var jobId = await CreateJobAsync([new BatchPlan(0, 1)]);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => _storage.Batches.MarkDoneAsync(jobId, 5, 1, 0, CancellationToken.None));
    }

    private async Task<Guid> CreateJobAsync(BatchPlan[] batches)
    {
        var model = await _storage.Models.RegisterAsync(TestData.Model(8), CancellationToken.None);
        var jobId = Guid.NewGuid();
        await _storage.Jobs.CreateAsync(
            new JobDefinition(jobId, "container/prefix", model.Id, """{"embed":true}"""),
            CancellationToken.None);
        await _storage.Batches.AddAsync(jobId, batches, CancellationToken.None);
        return jobId;
    }
}
