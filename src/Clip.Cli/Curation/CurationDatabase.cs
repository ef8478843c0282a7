using System.CommandLine;
using Clip.Cli.Common;
using Pipeline.Storage;
using Pipeline.Storage.Postgres;
using Pipeline.Storage.Postgres.Curation;

namespace Clip.Cli.Curation;

/// <summary>The database of the curation commands: opened, migrated, and its models looked up by name.</summary>
internal sealed class CurationDatabase : IAsyncDisposable
{
    private CurationDatabase(PostgresStorage storage)
    {
        Storage = storage;
        Store = new CurationStore(storage);
    }

    public PostgresStorage Storage { get; }

    public CurationStore Store { get; }

    /// <summary>A new required <c>--db</c> option.</summary>
    public static Option<string> Option() => new("--db")
    {
        Description = "PostgreSQL connection string of the result store (pgvector).",
        HelpName = "CONNECTION",
        Required = true,
    };

    /// <summary>A new <c>--model NAME</c> option: a registered model; default the active one.</summary>
    public static Option<string?> ModelOption() => new("--model", "-m")
    {
        Description = "Name of a registered model (its latest version). Default: the active model.",
        HelpName = "NAME",
    };

    /// <summary>Opens the database and brings its schema up to date.</summary>
    public static async Task<CurationDatabase> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var storage = PostgresStorage.Create(new PostgresStorageOptions { ConnectionString = connectionString });
        try
        {
            await storage.Migrator.MigrateAsync(cancellationToken);
            return new CurationDatabase(storage);
        }
        catch
        {
            await storage.DisposeAsync();
            throw;
        }
    }

    /// <summary>The latest version of the named model, or the active model when no name is given.</summary>
    public async Task<ModelRecord> ModelAsync(string? name, CancellationToken cancellationToken)
    {
        ModelRecord? model = string.IsNullOrWhiteSpace(name)
            ? await Storage.Models.GetActiveAsync(cancellationToken)
            : await Storage.Models.FindLatestAsync(name, cancellationToken);
        return model ?? throw new CliException(string.IsNullOrWhiteSpace(name)
            ? "No model is active; register one (clip models register DIR) or give --model NAME."
            : $"No model named '{name}' is registered.");
    }

    public ValueTask DisposeAsync() => Storage.DisposeAsync();
}
