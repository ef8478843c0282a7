using Pipeline.Storage.Postgres.Curation;

namespace Pipeline.Orchestrator.Review;

/// <summary><c>GET /api/duplicates[?model=NAME&amp;after=G&amp;limit=N]</c>: the stored near-duplicate groups, as
/// <c>clip duplicates</c> last refreshed them.</summary>
internal static class DuplicateApi
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/duplicates", async (
            string? model,
            int? after,
            int? limit,
            CurationStore store,
            CancellationToken token) =>
        {
            var chosen = await ModelChoice.FindAsync(store.Storage, model, token);
            if (chosen is null)
            {
                return ModelChoice.Missing(model);
            }

            var groups = await store.Duplicates.ListAsync(chosen, after ?? 0, Math.Clamp(limit ?? 50, 1, 500), token);
            return Results.Ok(new { model = chosen.Name, groups });
        });
    }
}
