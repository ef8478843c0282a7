using System.Globalization;
using Clip.Cli.Common;
using Clip.Core.Models;
using Pipeline.Processing.Postgres;
using Pipeline.Storage;

namespace Clip.Cli.Curation;

/// <summary>What the subcommands of <c>clip models</c> do.</summary>
internal static class ModelRegistryActions
{
    public static async Task ListAsync(CurationDatabase database, TextWriter output, CancellationToken token)
    {
        await using var command = database.Storage.DataSource.CreateCommand("""
            SELECT m.id, m.name, m.version, m.embedding_dim, m.is_active, m.registered_at,
                   (SELECT count(*) FROM embeddings e WHERE e.model_id = m.id)
            FROM models m ORDER BY m.name, m.registered_at, m.id
            """);
        await output.WriteLineAsync("  id  name                  version       dims  embeddings  registered (UTC)");
        await using var reader = await command.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token))
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{(reader.GetBoolean(4) ? '*' : ' ')}{reader.GetInt32(0),3}  {reader.GetString(1),-20}  " +
                $"{reader.GetString(2),-12}  {reader.GetInt32(3),4}  {reader.GetInt64(6),10}  " +
                $"{reader.GetFieldValue<DateTimeOffset>(5).UtcDateTime:yyyy-MM-dd HH:mm:ss}"));
        }
    }

    public static async Task RegisterAsync(
        CurationDatabase database,
        DirectoryInfo folder,
        TextWriter output,
        CancellationToken token)
    {
        using ClipModel model = ClipModel.Load(folder.FullName);
        ModelRecord record = await ModelRegistrar.RegisterAsync(database.Storage, model.Info, token);
        await output.WriteLineAsync(
            $"registered {record.Name} {record.Version} (id {record.Id}, {record.EmbeddingDim} dims)" +
            (record.IsActive ? ", active" : string.Empty));
    }

    public static async Task ActivateAsync(
        CurationDatabase database,
        string name,
        string? version,
        TextWriter output,
        CancellationToken token)
    {
        ModelRecord model = (version is null
            ? await database.Storage.Models.FindLatestAsync(name, token)
            : await database.Storage.Models.FindAsync(name, version, token))
            ?? throw new CliException($"No model {name} {version} is registered.");
        int? previous = await database.Store.Activation.ActivateAsync(model.Id, token);
        await output.WriteLineAsync(
            $"active: {model.Name} {model.Version} (id {model.Id}); before: {Describe(previous)}");
    }

    public static async Task RollbackAsync(CurationDatabase database, TextWriter output, CancellationToken token)
    {
        int? active = await database.Store.Activation.RollbackAsync(token);
        ModelRecord? model = active is { } id ? await database.Storage.Models.GetAsync(id, token) : null;
        await output.WriteLineAsync(
            model is null ? "active: none" : $"active: {model.Name} {model.Version} (id {model.Id})");
    }

    public static async Task HistoryAsync(CurationDatabase database, TextWriter output, CancellationToken token)
    {
        foreach (var entry in await database.Store.Activation.HistoryAsync(50, token))
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{entry.ChangedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}  {entry.Action,-8}  " +
                $"{Describe(entry.PreviousModelId)} -> {Describe(entry.ModelId)}{(entry.Undone ? "  (undone)" : "")}"));
        }
    }

    private static string Describe(int? modelId) => modelId is { } id ? $"model {id}" : "none";
}
