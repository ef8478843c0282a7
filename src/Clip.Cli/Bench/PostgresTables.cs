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
        PostgresSearchResults results,
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

        ingest.AddNote("The product write is EmbeddingRepository.WriteAsync: one INSERT ... SELECT FROM unnest(...) " +
            "ON CONFLICT with the batch as two binary arrays. Bare COPY writes straight into the table. " +
            $"Medians of {context.Settings.Rounds} interleaved rounds, each variant loading its own share.");
        ingest.AddNote(settings + ".");

        return [ingest, SearchTable(results), SweepTable(results)];
    }

    private static BenchTable SearchTable(PostgresSearchResults results)
    {
        SearchLatency.Result approximate = results.Default;
        SearchLatency.Result exact = results.Exact;
        var search = new BenchTable(
            $"PostgreSQL HNSW index and top-{PostgresStage.K} search at {PostgresStage.VectorCount:N0} vectors",
            "measure", "value", "goal");
        search.AddRow("HNSW build (EnsureSearchIndexAsync)", $"{results.Build.TotalSeconds:F1} s", "-");
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
            "warm-up queries; the index uses pgvector's defaults (m 16, ef_construction 64); search uses the " +
            $"product's default candidate list, ef_search {results.DefaultCandidates}.");
        return search;
    }

    private static BenchTable SweepTable(PostgresSearchResults results)
    {
        var sweep = new BenchTable(
            $"HNSW candidate list size (PostgresStorageOptions.SearchCandidates = ef_search) at " +
            $"{PostgresStage.VectorCount:N0} vectors",
            "ef_search", "p50", "p95", $"recall@{PostgresStage.K}", "p50 ratio to the default");
        double baseline = Statistics.Percentile(results.Default.Milliseconds, 50);
        foreach ((int candidates, SearchLatency.Result result) in results.Sweep)
        {
            double p50 = Statistics.Percentile(result.Milliseconds, 50);
            sweep.AddRow(
                candidates == results.DefaultCandidates ? $"{candidates} (default)" : $"{candidates}",
                BenchFormat.Milliseconds(p50),
                BenchFormat.Milliseconds(Statistics.Percentile(result.Milliseconds, 95)),
                BenchFormat.Number(result.Recall, 3),
                BenchFormat.Ratio(p50 / baseline));
        }

        sweep.AddNote("The same queries one after another through EmbeddingSearch.SearchAsync with each candidate " +
            "list size, measured after the default; the ratio column shares the default row's load only roughly.");
        return sweep;
    }
}
