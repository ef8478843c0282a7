using MassTransit;
using Pipeline.Contracts;
using Pipeline.Processing;
using Pipeline.Processing.Definitions;
using Pipeline.Processing.Jobs;
using Pipeline.Storage.Postgres;

namespace Pipeline.Orchestrator;

/// <summary>The orchestrator's HTTP endpoints for jobs.</summary>
internal static class JobEndpoints
{
    public static void MapJobEndpoints(this WebApplication app)
    {
        app.MapPost("/jobs", SubmitAsync);
        app.MapGet("/jobs/{id:guid}", GetAsync);
    }

    private static async Task<IResult> SubmitAsync(
        SubmitJobRequest request,
        IPublishEndpoint publisher,
        PipelineOptions options,
        PostgresStorage storage,
        ImageSourceResolver sources,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        // Everything a job needs is checked here, so that a job that is accepted can run.
        var problems = new Dictionary<string, string[]>();
        int batchSize = request.BatchSize ?? options.BatchSize;
        int topK = request.TopK ?? 3;
        if (string.IsNullOrWhiteSpace(request.Source))
        {
            problems["source"] = ["A job needs a source: a blob container URL or a folder the workers can read."];
        }
        else
        {
            try
            {
                sources.Resolve(request.Source);
            }
            catch (Exception e) when (e is ArgumentException or IOException or FormatException)
            {
                problems["source"] = [e.Message];
            }
        }

        Pipeline.Storage.ModelRecord? model = string.IsNullOrWhiteSpace(request.Model)
            ? null
            : await storage.Models.FindLatestAsync(request.Model, cancellationToken);
        if (string.IsNullOrWhiteSpace(request.Model))
        {
            problems["model"] = ["A job needs the name of a registered model."];
        }
        else if (model is null)
        {
            problems["model"] = [$"No model named '{request.Model}' is registered; workers register theirs on start."];
        }

        if (batchSize is < 1 or > 4096)
        {
            problems["batchSize"] = ["batchSize must be between 1 and 4096."];
        }

        if (topK is < 1 or > 1000)
        {
            problems["topK"] = ["topK must be between 1 and 1000."];
        }

        if (problems.Count > 0 || model is null)
        {
            return Results.ValidationProblem(problems);
        }

        JobTasks tasks = await JobTaskBuilder.BuildAsync(request, topK, model,
            new StoredDefinitions(storage.Definitions), problems, cancellationToken);
        if (problems.Count > 0)
        {
            return Results.ValidationProblem(problems);
        }

        var job = new JobSubmitted(Guid.NewGuid(), request.Source, request.Model, tasks, batchSize,
            time.GetUtcNow());
        await publisher.Publish(job, cancellationToken);
        return Results.Accepted($"/jobs/{job.JobId}", new { jobId = job.JobId });
    }

    private static async Task<IResult> GetAsync(Guid id, IJobStore store, CancellationToken cancellationToken)
    {
        JobProgress? progress = await store.GetProgressAsync(id, cancellationToken);
        return progress is null ? Results.NotFound() : Results.Ok(progress with { });
    }
}
