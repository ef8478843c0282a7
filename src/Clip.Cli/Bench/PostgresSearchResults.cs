namespace Clip.Cli.Bench;

/// <summary>What the PostgreSQL stage measured of the HNSW index and of search.</summary>
/// <param name="Build">Time to build the index.</param>
/// <param name="DefaultCandidates">The product's default candidate list size (ef_search).</param>
/// <param name="Default">Search with the product's default settings.</param>
/// <param name="Sweep">Search with each candidate list size of the sweep.</param>
/// <param name="Exact">An exact scan with index scans turned off.</param>
internal sealed record PostgresSearchResults(
    TimeSpan Build,
    int DefaultCandidates,
    SearchLatency.Result Default,
    IReadOnlyList<(int Candidates, SearchLatency.Result Result)> Sweep,
    SearchLatency.Result Exact);
