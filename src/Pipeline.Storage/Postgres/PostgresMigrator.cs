using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Pipeline.Storage.Postgres;

/// <summary>
/// Brings the database schema up to date with the embedded migrations. Each migration runs in its own transaction
/// and is recorded in <c>schema_migrations</c>; an advisory lock lets several processes start at once.
/// </summary>
public sealed class PostgresMigrator
{
    // Any fixed key works as long as every process uses the same one: these are the ASCII bytes of "clip_mig".
    private const long MigrationLockKey = 0x636C69705F6D6967;

    private const string CreateHistorySql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer PRIMARY KEY,
            name       text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;

    /// <summary>Creates a migrator over a data source.</summary>
    public PostgresMigrator(NpgsqlDataSource dataSource, ILogger<PostgresMigrator>? logger = null)
    {
        _dataSource = dataSource;
        _logger = logger ?? NullLogger<PostgresMigrator>.Instance;
    }

    /// <summary>Applies the migrations not applied yet and returns how many it applied.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await CallWithLockKeyAsync(connection, "pg_advisory_lock", cancellationToken);
        try
        {
            return await ApplyPendingAsync(connection, cancellationToken);
        }
        finally
        {
            // Unlock even when cancelled: the connection goes back to the pool and would keep the lock. A broken
            // connection has ended its session, which released the lock already.
            if (connection.FullState == System.Data.ConnectionState.Open)
            {
                await CallWithLockKeyAsync(connection, "pg_advisory_unlock", CancellationToken.None);
            }
        }
    }

    private async Task<int> ApplyPendingAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand(CreateHistorySql, connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = await ReadAppliedAsync(connection, cancellationToken);

        var count = 0;
        var latest = applied.Count == 0 ? 0 : applied.Max();
        foreach (var script in MigrationScript.LoadAll().Where(script => !applied.Contains(script.Version)))
        {
            await ApplyAsync(connection, script, cancellationToken);
            latest = Math.Max(latest, script.Version);
            count++;
        }

        if (count > 0)
        {
            // A migration may create types (the vector extension) that the pool has not loaded yet.
            await connection.ReloadTypesAsync(cancellationToken);
        }

        PostgresLog.SchemaUpToDate(_logger, latest);
        return count;
    }

    private async Task ApplyAsync(NpgsqlConnection connection, MigrationScript script, CancellationToken token)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync(token);

        await using (var command = new NpgsqlCommand(script.Sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(token);
        }

        await using (var record = new NpgsqlCommand(
            "INSERT INTO schema_migrations (version, name) VALUES (@version, @name)",
            connection,
            transaction))
        {
            record.Parameters.AddWithValue("version", script.Version);
            record.Parameters.AddWithValue("name", script.Name);
            await record.ExecuteNonQueryAsync(token);
        }

        await transaction.CommitAsync(token);
        PostgresLog.MigrationApplied(_logger, script.Version, script.Name, stopwatch.ElapsedMilliseconds);
    }

    private static async Task<HashSet<int>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken token)
    {
        await using var command = new NpgsqlCommand("SELECT version FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(token);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(token))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task CallWithLockKeyAsync(
        NpgsqlConnection connection,
        string function,
        CancellationToken token)
    {
        await using var command = new NpgsqlCommand($"SELECT {function}(@key)", connection);
        command.Parameters.AddWithValue("key", MigrationLockKey);
        await command.ExecuteNonQueryAsync(token);
    }
}
