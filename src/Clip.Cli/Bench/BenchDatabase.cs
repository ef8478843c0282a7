using Npgsql;

namespace Clip.Cli.Bench;

/// <summary>
/// A database made for one bench run (<c>bench_</c> and a random suffix) beside the one the connection string
/// names, and dropped again at the end, connections and all.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;

    private BenchDatabase(string adminConnectionString, string name, string connectionString)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    /// <summary>The connection string of the new database.</summary>
    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(string connectionString, CancellationToken cancellationToken)
    {
        string name = $"bench_{Guid.NewGuid():N}"[..22];
        await ExecuteAsync(connectionString, $"CREATE DATABASE {name}", cancellationToken);
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Database = name };
        return new BenchDatabase(connectionString, name, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(
            _adminConnectionString, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", CancellationToken.None);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
