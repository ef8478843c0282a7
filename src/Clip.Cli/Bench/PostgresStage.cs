using System.Diagnostics;
using Npgsql;
using Pipeline.Storage;
using Pipeline.Storage.Postgres;

namespace Clip.Cli.Bench;

/// <summary>
/// PostgreSQL with pgvector at 100,000 embeddings of 512 floats, in a database of its own: the ingest rate into the
/// unindexed table, the HNSW build, then top-10 search latency and recall against exact search.
/// </summary>
internal sealed class PostgresStage : IBenchStage
{
    public const int VectorCount = 100_000;
    public const int Dimension = 512;
    public const int Clusters = 300;
    public const int Queries = 200;
    public const int ExactQueries = 20;
    public const int K = 10;

    /// <summary>HNSW candidate list sizes (ef_search) measured besides the product's default.</summary>
    public static readonly int[] CandidateSweep = [40, 64, 100, 160, 250];

    public string Name => "postgres";

    public async Task<IReadOnlyList<BenchTable>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(context.Settings.Database))
        {
            var skipped = new BenchTable("PostgreSQL: skipped");
            skipped.AddNote("No --db given and CLIP_TEST_POSTGRES is not set (infra/services.sh env prints it).");
            return [skipped];
        }

        context.Log.Write($"postgres: {VectorCount} clustered vectors of {Dimension} floats");
        var generator = new ClusteredVectors(Dimension, Clusters, seed: 7);
        float[][] vectors = Enumerable.Range(0, VectorCount).Select(_ => generator.Next()).ToArray();
        float[][] queries = Enumerable.Range(0, Queries).Select(_ => generator.Next()).ToArray();

        await using BenchDatabase database =
            await BenchDatabase.CreateAsync(context.Settings.Database, cancellationToken);
        var options = new PostgresStorageOptions { ConnectionString = database.ConnectionString };
        await using PostgresStorage storage = PostgresStorage.Create(options);
        await storage.Migrator.MigrateAsync(cancellationToken);
        ModelRecord model = await storage.Models.RegisterAsync(
            new ModelRegistration("bench-vectors", "1", Dimension, "bench"), cancellationToken);
        await storage.Models.DropSearchIndexAsync(model, cancellationToken);
        await InsertImagesAsync(storage, cancellationToken);
        context.Log.Write($"postgres: database {database.Name} ready");

        var ingest = new EmbeddingIngest(storage, model, vectors);
        // Each variant loads its share once per round and once to warm up; the bare COPY loads what is left.
        int perVariant = VectorCount / (3 * (context.Settings.Rounds + 1));
        BenchVariant[] variants =
        [
            ingest.Copy("bare COPY", perVariant),
            ingest.Product("product write, 1000 per call", perVariant, 1000),
            ingest.Product("product write, 64 per call", perVariant, 64),
        ];
        InterleavedResult load = await InterleavedRun.RunAsync(
            variants, context.Settings.Rounds, context.Settings.Slice, context.Log, cancellationToken);
        if (ingest.Written < VectorCount)
        {
            await ingest.Copy("rest", VectorCount).MeasureAsync(TimeSpan.Zero, cancellationToken);
        }

        await ExecuteAsync(storage, "VACUUM ANALYZE embeddings", cancellationToken);

        context.Log.Write("postgres: building the HNSW index");
        var build = Stopwatch.StartNew();
        await storage.Models.EnsureSearchIndexAsync(model, cancellationToken);
        build.Stop();

        var search = new SearchLatency(storage, model, vectors, queries, K);
        SearchLatency.Result approximate = await search.MeasureIndexedAsync(storage.Search, cancellationToken);
        var sweep = new List<(int Candidates, SearchLatency.Result Result)>();
        foreach (int candidates in CandidateSweep)
        {
            context.Log.Write($"postgres: search with ef_search {candidates}");
            var wider = new EmbeddingSearch(storage.DataSource, candidates);
            sweep.Add((candidates, await search.MeasureIndexedAsync(wider, cancellationToken)));
        }

        SearchLatency.Result exact = await search.MeasureExactAsync(ExactQueries, cancellationToken);
        string settings = await SettingsAsync(storage, cancellationToken);
        var searchResults = new PostgresSearchResults(
            build.Elapsed, options.SearchCandidates, approximate, sweep, exact);
        return PostgresTables.Create(context, load, variants, searchResults, settings);
    }

    private static Task InsertImagesAsync(PostgresStorage storage, CancellationToken cancellationToken) =>
        ExecuteAsync(
            storage,
            $"""
            INSERT INTO images (source_uri, content_sha256, byte_size)
            SELECT 'bench://' || g, sha256(g::text::bytea), 1 FROM generate_series(1, {VectorCount}) AS g
            """,
            cancellationToken);

    private static async Task<string> SettingsAsync(PostgresStorage storage, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = storage.DataSource.CreateCommand(
            """
            SELECT 'PostgreSQL ' || current_setting('server_version') || ', pgvector '
                || (SELECT extversion FROM pg_extension WHERE extname = 'vector')
                || ', maintenance_work_mem ' || current_setting('maintenance_work_mem')
                || ', max_parallel_maintenance_workers ' || current_setting('max_parallel_maintenance_workers')
                || ', shared_buffers ' || current_setting('shared_buffers')
            """);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(PostgresStorage storage, string sql, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = storage.DataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
