using Pipeline.Storage;
using Pipeline.Storage.Postgres.Curation;

namespace Pipeline.Orchestrator.Review;

/// <summary><c>GET /api/policies</c> and <c>GET /api/moderation?policy=P[&amp;decision=review|flag]</c>: the images a
/// policy flagged, highest score first.</summary>
internal static class ModerationApi
{
    private static readonly ModerationDecision[] Flagged = [ModerationDecision.Review, ModerationDecision.Flag];

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/policies", async (CurationStore store, CancellationToken token) =>
            Results.Ok(await store.Moderation.ListPoliciesAsync(token)));
        app.MapGet("/api/moderation", async (
            string policy,
            string? decision,
            int? limit,
            CurationStore store,
            CancellationToken token) =>
        {
            ModerationDecision[] decisions = Enum.TryParse(decision, true, out ModerationDecision d) ? [d] : Flagged;
            var images = await store.Moderation.ListAsync(policy, decisions, Math.Clamp(limit ?? 60, 1, 500), token);
            return Results.Ok(images.Select(i => new
            {
                i.ImageId,
                i.SourceUri,
                i.Score,
                decision = i.Decision.ToString().ToLowerInvariant(),
            }));
        });
    }
}
