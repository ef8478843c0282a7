using Pipeline.Processing.Curation;

namespace Pipeline.Orchestrator.Review;

/// <summary><c>POST /reembed</c>: starts a re-embedding job unless one of the model is under way.</summary>
internal static class ReembedApi
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/reembed", async (ReembedRequest request, IReembedStarter starter, CancellationToken token) =>
        {
            if (string.IsNullOrWhiteSpace(request.Model))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["model"] = ["Name a model."] });
            }

            try
            {
                ReembedStart start = await starter.StartAsync(request.Model, token);
                return start.Outcome switch
                {
                    ReembedOutcome.Started => Results.Accepted($"/jobs/{start.JobId}", start),
                    ReembedOutcome.AlreadyRunning => Results.Conflict(start),
                    _ => Results.Ok(start),
                };
            }
            catch (InvalidOperationException e)
            {
                return Results.Problem(e.Message, statusCode: StatusCodes.Status404NotFound);
            }
        });
    }
}
