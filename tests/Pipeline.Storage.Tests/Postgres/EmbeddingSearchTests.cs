using Npgsql;
using Pgvector;
using Pipeline.Storage.Postgres;

namespace Pipeline.Storage.Tests.Postgres;

public sealed class EmbeddingSearchTests : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private const int Dimensions = 16;
    private const int Clusters = 20;
    private const int ImagesPerCluster = 50;

    private readonly PostgresStorage _storage;
    private readonly Dictionary<long, float[]> _vectors = [];
    private readonly Dictionary<long, string> _uris = [];
    private ModelRecord _model = null!;

    public EmbeddingSearchTests(PostgresDatabaseFixture database) => _storage = database.Storage;

    public async Task InitializeAsync()
    {
        _model = await _storage.Models.RegisterAsync(TestData.Model(Dimensions), CancellationToken.None);
        var random = new Random(20210226);
        var centres = Enumerable.Range(0, Clusters).Select(_ => RandomVector(random, 1f)).ToArray();
        var vectors = new Dictionary<string, float[]>();
        for (var i = 0; i < Clusters * ImagesPerCluster; i++)
        {
            var noise = RandomVector(random, 0.2f);
            vectors[TestData.Uri($"image-{i}")] = centres[i % Clusters].Zip(noise, (c, n) => c + n).ToArray();
        }

        var ids = await _storage.Images.UpsertAsync(
            vectors.Keys.Select(TestData.Image).ToArray(),
            CancellationToken.None);
        foreach (var (uri, id) in ids)
        {
            _vectors[id] = vectors[uri];
            _uris[id] = uri;
        }

        var rows = _vectors.Select(pair => new ImageEmbedding(pair.Key, pair.Value)).ToArray();
        await _storage.Embeddings.WriteAsync(_model, rows, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SearchAsync_QueryNearOneImage_RanksThatImageFirst()
    {
        var (targetId, target) = _vectors.ElementAt(123);
        var query = target.Select(value => value + 0.01f).ToArray();

        var hits = await _storage.Search.SearchAsync(_model, query, 10, CancellationToken.None);

        Assert.Equal(10, hits.Count);
        Assert.Equal(targetId, hits[0].ImageId);
        Assert.Equal(_uris[targetId], hits[0].SourceUri);
        Assert.All(hits.Zip(hits.Skip(1)), pair => Assert.True(pair.First.Score >= pair.Second.Score));
        Assert.All(hits, hit => Assert.Equal(TestData.Cosine(query, _vectors[hit.ImageId]), hit.Score, 1e-5));
    }

    [Fact]
    public async Task SearchAsync_QueryOfWrongSize_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => _storage.Search.SearchAsync(_model, new float[Dimensions + 1], 5, CancellationToken.None));
    }

    [Fact]
    public async Task NearestImages_PlannedQuery_UsesTheModelsHnswIndex()
    {
        await using var connection = await _storage.DataSource.OpenConnectionAsync();
        await using (var analyze = new NpgsqlCommand("ANALYZE embeddings", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + VectorSql.NearestImages(_model), connection);
        explain.Parameters.Add(new NpgsqlParameter<Vector>("query", new Vector(_vectors.First().Value)));
        explain.Parameters.Add(new NpgsqlParameter<int>("limit", 10));
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        Assert.Contains(plan, line => line.Contains($"Index Scan using embeddings_hnsw_model_{_model.Id} "));
    }

    [Fact]
    public async Task FindSimilarAsync_ImageWithNearDuplicate_ReturnsTheDuplicateFirstAndNotItself()
    {
        var (originalId, original) = _vectors.ElementAt(7);
        var duplicateUri = TestData.Uri("duplicate");
        var ids = await _storage.Images.UpsertAsync([TestData.Image(duplicateUri)], CancellationToken.None);
        var duplicate = original.Select(value => value * 1.001f).ToArray();
        await _storage.Embeddings.WriteAsync(
            _model,
            [new ImageEmbedding(ids[duplicateUri], duplicate)],
            CancellationToken.None);

        var hits = await _storage.Search.FindSimilarAsync(_model, _uris[originalId], 5, CancellationToken.None);

        Assert.Equal(5, hits.Count);
        Assert.Equal(ids[duplicateUri], hits[0].ImageId);
        Assert.DoesNotContain(hits, hit => hit.ImageId == originalId);
    }

    [Fact]
    public async Task FindSimilarAsync_UnknownUri_ReturnsNothing()
    {
        var hits = await _storage.Search.FindSimilarAsync(_model, TestData.Uri("missing"), 5, CancellationToken.None);

        Assert.Empty(hits);
    }

    private static float[] RandomVector(Random random, float scale) =>
        Enumerable.Range(0, Dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1) * scale).ToArray();
}
