using Npgsql;

namespace Clip.Cli.Tests;

/// <summary>
/// An empty database on the test PostgreSQL (CLIP_TEST_POSTGRES, printed by infra/services.sh env) for one test,
/// dropped on dispose; the commands under test migrate it themselves.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    private TestDatabase(string server, string name, string connectionString)
    {
        _server = server;
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        string server = Environment.GetEnvironmentVariable("CLIP_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "CLIP_TEST_POSTGRES is not set. Start the local services with 'infra/services.sh up' and export " +
                "what 'infra/services.sh env' prints (infra/test.sh does both).");
        string name = "cli_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        string connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase(server, name, connection);
    }

    public async ValueTask DisposeAsync()
    {
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
