using Pipeline.Storage.Postgres;

namespace Pipeline.Storage.Tests.Postgres;

public sealed class EmbeddingRepositoryTests : IClassFixture<PostgresDatabaseFixture>
{
    private readonly PostgresStorage _storage;

    public EmbeddingRepositoryTests(PostgresDatabaseFixture database) => _storage = database.Storage;

    [Fact]
    public async Task WriteAsync_SameBatchWrittenTwice_KeepsOneRowPerImageWithTheLatestVector()
    {
        var model = await _storage.Models.RegisterAsync(TestData.Model(4), CancellationToken.None);
        var ids = await _storage.Images.UpsertAsync(
            [TestData.Image(TestData.Uri("a")), TestData.Image(TestData.Uri("b")), TestData.Image(TestData.Uri("c"))],
            CancellationToken.None);
        var imageIds = ids.Values.ToArray();

        await _storage.Embeddings.WriteAsync(model, Batch(imageIds, 1f), CancellationToken.None);
        var secondWrite = await _storage.Embeddings.WriteAsync(model, Batch(imageIds, 2f), CancellationToken.None);

        Assert.Equal(3, secondWrite);
        Assert.Equal(3L, await CountRowsAsync(model));
        foreach (var imageId in imageIds)
        {
            var stored = await _storage.Embeddings.FindAsync(model, imageId, CancellationToken.None);
            Assert.Equal(new[] { 2f, imageId, 0f, -2f }, stored);
        }
    }

    [Fact]
    public async Task WriteAsync_EmbeddingOfWrongSize_ThrowsBeforeWriting()
    {
        var model = await _storage.Models.RegisterAsync(TestData.Model(4), CancellationToken.None);
        var ids = await _storage.Images.UpsertAsync([TestData.Image(TestData.Uri("x"))], CancellationToken.None);

        var wrongSize = new ImageEmbedding(ids.Values.Single(), new float[] { 1, 2, 3 });

        await Assert.ThrowsAsync<ArgumentException>(
            () => _storage.Embeddings.WriteAsync(model, [wrongSize], CancellationToken.None));
        Assert.Equal(0L, await CountRowsAsync(model));
    }

    [Fact]
    public async Task WriteAsync_EmbeddingsOf512Floats_StayInsideTheTableRows()
    {
        var model = await _storage.Models.RegisterAsync(TestData.Model(512), CancellationToken.None);
        var ids = await _storage.Images.UpsertAsync(
            [TestData.Image(TestData.Uri("wide-1")), TestData.Image(TestData.Uri("wide-2"))],
            CancellationToken.None);
        var rows = ids.Values.Select(id => new ImageEmbedding(id, Enumerable.Repeat(0.5f, 512).ToArray())).ToArray();

        await _storage.Embeddings.WriteAsync(model, rows, CancellationToken.None);

        // A value moved out of line would have given the TOAST table at least one page.
        await using var command = _storage.DataSource.CreateCommand(
            "SELECT pg_relation_size(reltoastrelid) FROM pg_class WHERE oid = 'embeddings'::regclass");
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
        Assert.Equal(2L, await CountRowsAsync(model));
    }

    private static ImageEmbedding[] Batch(long[] imageIds, float scale) =>
        imageIds.Select(id => new ImageEmbedding(id, new[] { scale, id, 0f, -scale })).ToArray();

    private async Task<long> CountRowsAsync(ModelRecord model)
    {
        await using var command = _storage.DataSource.CreateCommand(
            "SELECT count(*) FROM embeddings WHERE model_id = @model");
        command.Parameters.AddWithValue("model", model.Id);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
