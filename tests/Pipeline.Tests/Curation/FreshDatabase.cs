using Npgsql;
using Pipeline.Storage;
using Pipeline.Storage.Postgres;
using Pipeline.Storage.Postgres.Curation;
using Pipeline.Tests.Distributed;

namespace Pipeline.Tests.Curation;

/// <summary>A new, migrated database on the test PostgreSQL for one test, dropped on dispose.</summary>
internal sealed class FreshDatabase : IAsyncDisposable
{
    private FreshDatabase(string name, string connectionString, PostgresStorage storage)
    {
        Name = name;
        ConnectionString = connectionString;
        Storage = storage;
        Store = new CurationStore(storage);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public PostgresStorage Storage { get; }

    public CurationStore Store { get; }

    public static async Task<FreshDatabase> CreateAsync()
    {
        string name = "curation_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(TestServices.Postgres))
        {
            await admin.OpenAsync();
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
                    await create.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 10)
                {
                    // CREATE DATABASE copies template1 and fails while another session is connected to it, which
                    // happens when test runs of other clones share this server.
                    await Task.Delay(200 * attempt);
                }
            }
        }

        string connection =
            new NpgsqlConnectionStringBuilder(TestServices.Postgres) { Database = name }.ConnectionString;
        var storage = PostgresStorage.Create(new PostgresStorageOptions { ConnectionString = connection });
        await storage.Migrator.MigrateAsync(CancellationToken.None);
        return new FreshDatabase(name, connection, storage);
    }

    /// <summary>Registers a model with a made-up hash; <paramref name="dimension"/> floats per embedding.</summary>
    public Task<ModelRecord> RegisterAsync(string name, int dimension, string hash = "0123456789abcdef") =>
        Storage.Models.RegisterAsync(new ModelRegistration(name, "v1", dimension, hash), CancellationToken.None);

    /// <summary>Stores images under the given URIs and returns their ids in the same order.</summary>
    public async Task<long[]> AddImagesAsync(params string[] uris)
    {
        var observations = uris.Select(u => new ImageObservation(u, new byte[32], 1, 1, 1)).ToList();
        var ids = await Storage.Images.UpsertAsync(observations, CancellationToken.None);
        return uris.Select(u => ids[u]).ToArray();
    }

    public Task WriteAsync(ModelRecord model, long imageId, float[] embedding) =>
        Storage.Embeddings.WriteAsync(model, [new ImageEmbedding(imageId, embedding)], CancellationToken.None);

    public async Task<T?> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Storage.DataSource.CreateCommand(sql);
        foreach (var (key, value) in parameters)
        {
            command.Parameters.AddWithValue(key, value);
        }

        object? result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    public async ValueTask DisposeAsync()
    {
        await Storage.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestServices.Postgres);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
