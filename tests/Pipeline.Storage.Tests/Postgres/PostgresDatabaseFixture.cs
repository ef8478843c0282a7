using Npgsql;
using Pipeline.Storage.Postgres;

namespace Pipeline.Storage.Tests.Postgres;

/// <summary>
/// A fresh, migrated database on the test PostgreSQL for one test class, dropped afterwards. The server comes
/// from CLIP_TEST_POSTGRES, which infra/services.sh prints; without it every test of the class fails.
/// </summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    public const string ConnectionVariable = "CLIP_TEST_POSTGRES";

    private string _serverConnectionString = "";

    public string DatabaseName { get; } = $"clip_test_{Guid.NewGuid():N}";

    public string ConnectionString { get; private set; } = "";

    public PostgresStorage Storage { get; private set; } = null!;

    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{ConnectionVariable} is not set. Start the test services and export their settings: "
                + "`infra/services.sh up && eval \"$(infra/services.sh env)\"`, or run infra/test.sh.");

    public async Task InitializeAsync()
    {
        _serverConnectionString = ServerConnectionString();
        ConnectionString = await CreateDatabaseAsync(_serverConnectionString, DatabaseName);
        Storage = PostgresStorage.Create(new PostgresStorageOptions { ConnectionString = ConnectionString });
        await Storage.Migrator.MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (Storage is not null)
        {
            await Storage.DisposeAsync();
        }

        if (_serverConnectionString.Length > 0)
        {
            await DropDatabaseAsync(_serverConnectionString, DatabaseName);
        }
    }

    /// <summary>Creates an empty database and returns the connection string that reaches it.</summary>
    public static async Task<string> CreateDatabaseAsync(string serverConnectionString, string name)
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string serverConnectionString, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
