using Pipeline.Storage.Postgres.Curation;

namespace Pipeline.Orchestrator.Review;

/// <summary>
/// Label sets and their labels, and corrections: <c>POST /api/corrections</c> stores a reviewer's verdict,
/// <c>GET /api/corrections?labelSet=S</c> lists them (the training data of a linear probe).
/// </summary>
internal static class CorrectionApi
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/label-sets", async (CurationStore store, CancellationToken token) =>
            Results.Ok(await store.Images.ListLabelSetsAsync(token)));
        app.MapGet("/api/label-sets/{name}/labels", async (string name, CurationStore store, CancellationToken token) =>
            Results.Ok(await store.Images.ListLabelsAsync(name, token)));
        app.MapGet("/api/corrections", async (
            string labelSet,
            long? after,
            int? limit,
            CurationStore store,
            CancellationToken token) =>
            Results.Ok(await store.Corrections.ListAsync(labelSet, after ?? 0, Math.Clamp(limit ?? 100, 1, 1000),
                token)));
        app.MapPost("/api/corrections", AddAsync);
    }

    private static async Task<IResult> AddAsync(
        CorrectionRequest request,
        CurationStore store,
        CancellationToken token)
    {
        if (string.IsNullOrWhiteSpace(request.LabelSet) || string.IsNullOrWhiteSpace(request.NewLabel))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["newLabel"] = ["A correction needs a label set and the label chosen."],
            });
        }

        try
        {
            var stored = await store.Corrections.AddAsync(
                new LabelCorrection(request.ImageId, request.LabelSet, request.OldLabel, request.NewLabel.Trim()),
                token);
            return Results.Created($"/api/corrections?labelSet={Uri.EscapeDataString(request.LabelSet)}", stored);
        }
        catch (InvalidOperationException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status404NotFound);
        }
    }
}
