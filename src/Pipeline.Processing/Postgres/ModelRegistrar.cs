using Clip.Core.Models;
using Pipeline.Storage;
using Pipeline.Storage.Postgres;

namespace Pipeline.Processing.Postgres;

/// <summary>Records a loaded model in the model registry, and makes it active when no model is.</summary>
public static class ModelRegistrar
{
    /// <summary>Version recorded for a model: the start of its content hash, so new weights get a new row.</summary>
    public static string VersionOf(ClipModelInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return info.ContentHash[..Math.Min(12, info.ContentHash.Length)];
    }

    /// <summary>Registers the model (idempotent) and returns its record.</summary>
    public static async Task<ModelRecord> RegisterAsync(
        PostgresStorage storage,
        ClipModelInfo info,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(info);
        var registration = new ModelRegistration(info.Name, VersionOf(info), info.EmbeddingDimension, info.ContentHash);
        ModelRecord model = await storage.Models.RegisterAsync(registration, cancellationToken).ConfigureAwait(false);
        if (await storage.Models.GetActiveAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            await storage.Models.ActivateAsync(model.Id, cancellationToken).ConfigureAwait(false);
        }

        return model;
    }
}
