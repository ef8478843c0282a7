using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Pgvector;
using Pipeline.Storage;
using Pipeline.Storage.Postgres;

namespace Clip.Cli.Bench;

/// <summary>
/// Ways of loading embeddings into the unindexed table, each taking the next rows of one shared set so that
/// together they load it once: the product's write (binary COPY into a staging table, then an upsert) in calls of
/// a given size, and a bare binary COPY into the table as the floor.
/// </summary>
internal sealed class EmbeddingIngest(PostgresStorage storage, ModelRecord model, IReadOnlyList<float[]> vectors)
{
    private int _next;

    /// <summary>Rows written so far, by all variants.</summary>
    public int Written => _next;

    /// <summary>A variant that writes <paramref name="rows"/> rows through the product's write, in calls of
    /// <paramref name="perCall"/>.</summary>
    public BenchVariant Product(string name, int rows, int perCall) => new(name, async (_, token) =>
    {
        (int first, int count) = Take(rows);
        var clock = Stopwatch.StartNew();
        for (int start = first; start < first + count; start += perCall)
        {
            int end = Math.Min(start + perCall, first + count);
            var batch = Enumerable.Range(start, end - start)
                .Select(i => new ImageEmbedding(i + 1, vectors[i]))
                .ToList();
            await storage.Embeddings.WriteAsync(model, batch, token);
        }

        return count / clock.Elapsed.TotalSeconds;
    });

    /// <summary>A variant that writes <paramref name="rows"/> rows with one bare binary COPY.</summary>
    public BenchVariant Copy(string name, int rows) => new(name, async (_, token) =>
    {
        (int first, int count) = Take(rows);
        var clock = Stopwatch.StartNew();
        await using NpgsqlConnection connection = await storage.DataSource.OpenConnectionAsync(token);
        await using (NpgsqlBinaryImporter importer = await connection.BeginBinaryImportAsync(
            "COPY embeddings (image_id, model_id, embedding) FROM STDIN (FORMAT BINARY)", token))
        {
            for (int i = first; i < first + count; i++)
            {
                await importer.StartRowAsync(token);
                await importer.WriteAsync((long)(i + 1), NpgsqlDbType.Bigint, token);
                await importer.WriteAsync(model.Id, NpgsqlDbType.Integer, token);
                await importer.WriteAsync(new Vector(vectors[i]), "vector", token);
            }

            await importer.CompleteAsync(token);
        }

        return count / clock.Elapsed.TotalSeconds;
    });

    // Image ids are 1 to vectors.Count, so row i is image i + 1.
    private (int First, int Count) Take(int rows)
    {
        int first = _next;
        int count = Math.Min(rows, vectors.Count - first);
        if (count <= 0)
        {
            throw new InvalidOperationException("Every vector has been written already.");
        }

        _next += count;
        return (first, count);
    }
}
