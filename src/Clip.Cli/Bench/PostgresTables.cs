namespace Clip.Cli.Bench;

/// <summary>The tables of the PostgreSQL stage: ingest, then index build and search.</summary>
internal static class PostgresTables
{
    public const double IngestGoal = 50_000;
    public const double LatencyGoalMilliseconds = 10;
    public const double RecallGoal = 0.95;

    public static IReadOnlyList<BenchTable> Create(
        BenchContext context,
        InterleavedResult load,
        IReadOnlyList<BenchVariant> variants,
        TimeSpan build,
        SearchLatency.Result approximate,
        SearchLatency.Result exact,
        string settings)
    {
        var ingest = new BenchTable(
            $"PostgreSQL ingest: {PostgresStage.VectorCount:N0} embeddings of {PostgresStage.Dimension} floats " +
            "into the unindexed table",
            "method", "rows/s", "ratio to bare COPY", "ratio to the 50k rows/s goal");
        string floor = variants[0].Name;
        foreach (BenchVariant variant in variants)
        {
            double rate = load.Median(variant.Name);
            ingest.AddRow(variant.Name, BenchFormat.Rate(rate), BenchFormat.Ratio(load.Ratio(variant.Name, floor)),
                BenchFormat.Ratio(rate / IngestGoal));
        }

        ingest.AddNote("The product write is EmbeddingRepository.WriteAsync: binary COPY into a temporary " +
            "staging table, then INSERT ... ON CONFLICT into embeddings. Bare COPY writes straight into the table. " +
            $"Medians of {context.Settings.Rounds} interleaved rounds, each variant loading its own share.");
        ingest.AddNote(settings + ".");

        var search = new BenchTable(
            $"PostgreSQL HNSW index and top-{PostgresStage.K} search at {PostgresStage.VectorCount:N0} vectors",
            "measure", "value", "goal");
        search.AddRow("HNSW build (EnsureSearchIndexAsync)", $"{build.TotalSeconds:F1} s", "-");
        search.AddRow("search p50 (EmbeddingSearch.SearchAsync)",
            BenchFormat.Milliseconds(Statistics.Percentile(approximate.Milliseconds, 50)), "-");
        search.AddRow("search p95", BenchFormat.Milliseconds(Statistics.Percentile(approximate.Milliseconds, 95)),
            $"<= {LatencyGoalMilliseconds:F0} ms");
        search.AddRow($"recall@{PostgresStage.K} against brute force", BenchFormat.Number(approximate.Recall, 3),
            $">= {RecallGoal:F2}");
        search.AddRow("exact scan p50 (index scans off)",
            BenchFormat.Milliseconds(Statistics.Percentile(exact.Milliseconds, 50)), "-");
        search.AddRow("exact scan p50 / search p50", BenchFormat.Ratio(
            Statistics.Percentile(exact.Milliseconds, 50) / Statistics.Percentile(approximate.Milliseconds, 50)), "-");
        search.AddRow($"exact scan recall@{PostgresStage.K}", BenchFormat.Number(exact.Recall, 3), "1.000");
        search.AddNote($"{PostgresStage.Clusters} gaussian clusters of varied spread in a cone on the sphere; " +
            $"{approximate.Milliseconds.Count} queries drawn from the same clusters, one at a time, after 20 " +
            "warm-up queries; the index uses pgvector's defaults (m 16, ef_construction 64) and ef_search 64.");
        return [ingest, search];
    }
}
