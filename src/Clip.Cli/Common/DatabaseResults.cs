using Pipeline.Processing.Engine;
using Pipeline.Processing.Jobs;
using Pipeline.Processing.Postgres;
using Pipeline.Storage.Postgres;
using Pipeline.Storage.Results;

namespace Clip.Cli.Common;

/// <summary>Results in PostgreSQL for <c>clip run --db</c>: the schema migrated and the model registered.</summary>
internal sealed class DatabaseResults : IAsyncDisposable
{
    private readonly PostgresStorage _storage;

    private DatabaseResults(PostgresStorage storage)
    {
        _storage = storage;
    }

    /// <summary>Opens the database, or returns null when no connection string was given.</summary>
    public static DatabaseResults? Open(string? connectionString) => string.IsNullOrWhiteSpace(connectionString)
        ? null
        : new DatabaseResults(PostgresStorage.Create(
            new PostgresStorageOptions { ConnectionString = connectionString }));

    /// <summary>Brings the schema up to date and registers the engine's model.</summary>
    public async Task PrepareAsync(IClipEngine engine, CancellationToken cancellationToken)
    {
        await _storage.Migrator.MigrateAsync(cancellationToken);
        if (engine is ClipEngine clip)
        {
            await ModelRegistrar.RegisterAsync(_storage, clip.Model.Info, cancellationToken);
        }
    }

    /// <summary>A sink that writes to this database.</summary>
    public IResultSink CreateSink() => new PostgresResultSink(_storage);

    /// <summary>A job store in this database, so the job, its batches and its errors are recorded there.</summary>
    public IJobStore CreateJobStore() => new PostgresJobStore(_storage);

    public ValueTask DisposeAsync() => _storage.DisposeAsync();
}
