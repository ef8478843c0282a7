using Pipeline.Processing.Curation;
using Pipeline.Storage;
using Pipeline.Storage.Postgres;
using Pipeline.Storage.Postgres.Curation;

namespace Pipeline.Orchestrator.Review;

/// <summary><c>GET /api/search</c> (by text or by a stored image) and <c>GET /api/models</c>.</summary>
internal static class SearchApi
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/search", SearchAsync);
        app.MapGet("/api/models", async (PostgresStorage storage, CancellationToken token) =>
        {
            ModelRecord? active = await storage.Models.GetActiveAsync(token);
            return Results.Ok(new { active = active?.Name, version = active?.Version, id = active?.Id });
        });
    }

    private static async Task<IResult> SearchAsync(
        string? text,
        long? imageId,
        string? model,
        int? top,
        string? labelSet,
        string? label,
        float? minScore,
        string? policy,
        string? decision,
        CurationStore store,
        QueryModel queries,
        CancellationToken token)
    {
        ModelRecord? chosen = await ModelChoice.FindAsync(store.Storage, model, token);
        if (chosen is null)
        {
            return ModelChoice.Missing(model);
        }

        ModerationDecision? wanted = Enum.TryParse(decision, true, out ModerationDecision d) ? d : null;
        var filter = new SearchFilter(Blank(labelSet), Blank(label), minScore ?? 0, Blank(policy), wanted);
        float[]? query;
        if (imageId is { } id)
        {
            query = await store.Storage.Embeddings.FindAsync(chosen, id, token);
        }
        else if (!string.IsNullOrWhiteSpace(text))
        {
            QueryEncoder? encoder = queries.Encoder;
            if (encoder is null)
            {
                return Results.Problem("Text search needs Model:Directory, the model folder of the text encoder.",
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            try
            {
                encoder.EnsureMatches(chosen);
            }
            catch (InvalidOperationException e)
            {
                return Results.Problem(e.Message, statusCode: StatusCodes.Status409Conflict);
            }

            query = encoder.EncodeText(text, token);
        }
        else
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["Give text or imageId."] });
        }

        if (query is null)
        {
            return Results.NotFound();
        }

        int limit = Math.Clamp(top ?? 24, 1, FilteredSearch.MaxResults);
        var hits = await store.Search.SearchAsync(chosen, query, limit, filter, token, imageId);
        return Results.Ok(new { model = chosen.Name, hits });
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
