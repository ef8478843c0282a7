using Pipeline.Storage.Postgres;

namespace Pipeline.Storage.Tests.Postgres;

public sealed class ModelRepositoryTests : IClassFixture<PostgresDatabaseFixture>
{
    private readonly PostgresStorage _storage;

    public ModelRepositoryTests(PostgresDatabaseFixture database) => _storage = database.Storage;

    [Fact]
    public async Task RegisterAsync_SameModelTwice_ReturnsTheSameRecord()
    {
        var registration = TestData.Model(32);

        var first = await _storage.Models.RegisterAsync(registration, CancellationToken.None);
        var second = await _storage.Models.RegisterAsync(registration, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(32, second.EmbeddingDim);
    }

    [Fact]
    public async Task RegisterAsync_SameVersionWithOtherFiles_Throws()
    {
        var registration = TestData.Model(32);
        await _storage.Models.RegisterAsync(registration, CancellationToken.None);

        var changed = registration with { FileHash = "sha256:ffff" };

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => _storage.Models.RegisterAsync(changed, CancellationToken.None));
    }

    [Fact]
    public async Task RegisterAsync_NewModel_CreatesItsPartialHnswIndex()
    {
        var model = await _storage.Models.RegisterAsync(TestData.Model(24), CancellationToken.None);

        await using var command = _storage.DataSource.CreateCommand(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'embeddings' AND indexname = @name");
        command.Parameters.AddWithValue("name", $"embeddings_hnsw_model_{model.Id}");
        var definition = (string?)await command.ExecuteScalarAsync();

        Assert.NotNull(definition);
        Assert.Contains("USING hnsw", definition);
        Assert.Contains("vector(24)", definition);
        Assert.Contains($"WHERE (model_id = {model.Id})", definition);
    }

    [Fact]
    public async Task ActivateAsync_SecondModel_LeavesOnlyItActive()
    {
        var first = await _storage.Models.RegisterAsync(TestData.Model(8), CancellationToken.None);
        var second = await _storage.Models.RegisterAsync(TestData.Model(8), CancellationToken.None);

        await _storage.Models.ActivateAsync(first.Id, CancellationToken.None);
        await _storage.Models.ActivateAsync(second.Id, CancellationToken.None);

        var active = await _storage.Models.GetActiveAsync(CancellationToken.None);
        Assert.Equal(second.Id, active!.Id);
        Assert.False((await _storage.Models.GetAsync(first.Id, CancellationToken.None))!.IsActive);
    }
}
