using Pipeline.Storage.Postgres;

namespace Pipeline.Storage.Tests.Postgres;

public sealed class ImageErrorRepositoryTests : IClassFixture<PostgresDatabaseFixture>
{
    private readonly PostgresStorage _storage;

    public ImageErrorRepositoryTests(PostgresDatabaseFixture database) => _storage = database.Storage;

    [Fact]
    public async Task WriteAsync_ErrorsOfAJob_AreListedWithKindAndReason()
    {
        var jobId = await CreateJobAsync();
        ImageError[] errors =
        [
            new(jobId, "blob://photos/b.jpg", "decode_failed", "not a JPEG: bad marker 0x00"),
            new(jobId, "blob://photos/a.jpg", "not_found", "the blob does not exist"),
        ];

        await _storage.ImageErrors.WriteAsync(errors, CancellationToken.None);

        var stored = await _storage.ImageErrors.ListAsync(jobId, 10, CancellationToken.None);
        Assert.Equal(errors.OrderBy(e => e.SourceUri, StringComparer.Ordinal), stored.Select(s => s.Error));
    }

    [Fact]
    public async Task WriteAsync_SameImageRecordedAgain_KeepsOneRecordWithTheLatestReason()
    {
        var jobId = await CreateJobAsync();
        var uri = "blob://photos/c.jpg";

        await _storage.ImageErrors.WriteAsync([new(jobId, uri, "fetch_failed", "timeout")], CancellationToken.None);
        await _storage.ImageErrors.WriteAsync([new(jobId, uri, "decode_failed", "truncated")], CancellationToken.None);

        var stored = await _storage.ImageErrors.ListAsync(jobId, 10, CancellationToken.None);
        var only = Assert.Single(stored);
        Assert.Equal(new ImageError(jobId, uri, "decode_failed", "truncated"), only.Error);
    }

    private async Task<Guid> CreateJobAsync()
    {
        var model = await _storage.Models.RegisterAsync(TestData.Model(8), CancellationToken.None);
        var jobId = Guid.NewGuid();
        await _storage.Jobs.CreateAsync(
            new JobDefinition(jobId, "photos", model.Id, """{"embed":true}"""),
            CancellationToken.None);
        return jobId;
    }
}
