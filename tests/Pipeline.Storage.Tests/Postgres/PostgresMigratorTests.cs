using Npgsql;
using Pipeline.Storage.Postgres;

namespace Pipeline.Storage.Tests.Postgres;

public sealed class PostgresMigratorTests : IClassFixture<PostgresDatabaseFixture>
{
    private readonly PostgresDatabaseFixture _database;

    public PostgresMigratorTests(PostgresDatabaseFixture database) => _database = database;

    [Fact]
    public async Task MigrateAsync_SchemaAlreadyCurrent_AppliesNothingAndKeepsHistory()
    {
        var historyBefore = await CountHistoryAsync(_database.ConnectionString);

        var applied = await _database.Storage.Migrator.MigrateAsync(CancellationToken.None);

        Assert.Equal(0, applied);
        Assert.True(historyBefore > 0);
        Assert.Equal(historyBefore, await CountHistoryAsync(_database.ConnectionString));
    }

    [Fact]
    public async Task MigrateAsync_TwoProcessesOnEmptyDatabase_ApplyEachMigrationOnce()
    {
        var server = PostgresDatabaseFixture.ServerConnectionString();
        var name = $"clip_test_{Guid.NewGuid():N}";
        var connectionString = await PostgresDatabaseFixture.CreateDatabaseAsync(server, name);
        try
        {
            var options = new PostgresStorageOptions { ConnectionString = connectionString };
            await using var first = PostgresStorage.Create(options);
            await using var second = PostgresStorage.Create(options);

            var applied = await Task.WhenAll(
                first.Migrator.MigrateAsync(CancellationToken.None),
                second.Migrator.MigrateAsync(CancellationToken.None));

            var history = await CountHistoryAsync(connectionString);
            Assert.True(history > 0);
            Assert.Equal(history, applied.Sum());
            Assert.Contains(0, applied);
        }
        finally
        {
            await PostgresDatabaseFixture.DropDatabaseAsync(server, name);
        }
    }

    [Fact]
    public async Task MigrateAsync_FreshDatabase_CreatesTheResultTables()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = ANY(@names)",
            connection);
        string[] names =
        [
            "models", "images", "embeddings", "labels", "moderation_scores", "label_sets", "policies", "jobs",
            "batches", "image_errors", "probes",
        ];
        command.Parameters.AddWithValue("names", names);

        Assert.Equal((long)names.Length, await command.ExecuteScalarAsync());
    }

    private static async Task<long> CountHistoryAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM schema_migrations", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
