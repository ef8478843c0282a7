using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Pgvector;
using Pipeline.Storage;
using Pipeline.Storage.Postgres;

namespace Clip.Cli.Bench;

/// <summary>
/// Top-k search latency, one query at a time: through the product's search (the HNSW index) and through a plain
/// exact scan, with the recall of each against brute force over the same vectors.
/// </summary>
internal sealed class SearchLatency(
    PostgresStorage storage,
    ModelRecord model,
    IReadOnlyList<float[]> vectors,
    IReadOnlyList<float[]> queries,
    int k)
{
    private const int WarmUpQueries = 20;

    /// <summary>Latencies in milliseconds and the mean recall at k.</summary>
    public sealed record Result(IReadOnlyList<double> Milliseconds, double Recall);

    /// <summary>The product's search through the index, with the candidate list size of <paramref name="search"/>.
    /// </summary>
    public async Task<Result> MeasureIndexedAsync(EmbeddingSearch search, CancellationToken cancellationToken)
    {
        foreach (float[] query in queries.Take(WarmUpQueries))
        {
            await search.SearchAsync(model, query, k, cancellationToken);
        }

        return await MeasureAsync(queries, async query =>
        {
            IReadOnlyList<SearchHit> hits = await search.SearchAsync(model, query, k, cancellationToken);
            return hits.Select(h => h.ImageId).ToList();
        });
    }

    public async Task<Result> MeasureExactAsync(int count, CancellationToken cancellationToken)
    {
        string sql = string.Create(CultureInfo.InvariantCulture, $"""
            SELECT image_id FROM embeddings WHERE model_id = {model.Id}
            ORDER BY embedding::vector({model.EmbeddingDim}) <=> @query::vector({model.EmbeddingDim}) LIMIT {k}
            """);
        return await MeasureAsync(queries.Take(count).ToList(), async query =>
        {
            await using NpgsqlConnection connection = await storage.DataSource.OpenConnectionAsync(cancellationToken);
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var off = new NpgsqlCommand("SET LOCAL enable_indexscan = off", connection, transaction))
            {
                await off.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("query", new Vector(query));
            var ids = new List<long>(k);
            await using (NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    ids.Add(reader.GetInt64(0));
                }
            }

            await transaction.CommitAsync(cancellationToken);
            return ids;
        });
    }

    private async Task<Result> MeasureAsync(IReadOnlyList<float[]> chosen, Func<float[], Task<List<long>>> search)
    {
        var milliseconds = new List<double>(chosen.Count);
        double recall = 0;
        foreach (float[] query in chosen)
        {
            var clock = Stopwatch.StartNew();
            List<long> found = await search(query);
            milliseconds.Add(clock.Elapsed.TotalMilliseconds);

            // Row i of the vectors is image i + 1.
            var truth = ExactSearch.TopK(vectors, query, k).Select(i => (long)i + 1).ToHashSet();
            recall += (double)found.Count(truth.Contains) / k;
        }

        return new Result(milliseconds, recall / chosen.Count);
    }
}
