using Pipeline.Storage;
using Pipeline.Storage.Postgres;

namespace Pipeline.Orchestrator.Review;

/// <summary>The model a query names, or the active one.</summary>
internal static class ModelChoice
{
    public static async Task<ModelRecord?> FindAsync(PostgresStorage storage, string? name, CancellationToken token) =>
        string.IsNullOrWhiteSpace(name)
            ? await storage.Models.GetActiveAsync(token)
            : await storage.Models.FindLatestAsync(name, token);

    public static IResult Missing(string? name) => Results.Problem(
        string.IsNullOrWhiteSpace(name) ? "No model is active." : $"No model named '{name}' is registered.",
        statusCode: StatusCodes.Status404NotFound);
}
