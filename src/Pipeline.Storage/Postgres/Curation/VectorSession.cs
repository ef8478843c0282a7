using System.Globalization;
using Npgsql;

namespace Pipeline.Storage.Postgres.Curation;

/// <summary>pgvector settings local to one transaction, so a pooled connection goes back with the defaults.</summary>
internal static class VectorSession
{
    /// <summary>
    /// Widens the HNSW candidate list to <paramref name="candidates"/> and, with pgvector 0.8 or later, lets the
    /// index scan go on until enough rows pass the query's filters (older versions ignore the setting).
    /// </summary>
    public static async Task ApplyAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        int candidates,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT set_config('hnsw.ef_search', @candidates, true),
                   set_config('hnsw.iterative_scan', 'strict_order', true)
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue(
            "candidates",
            Math.Clamp(candidates, 1, 1000).ToString(CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
