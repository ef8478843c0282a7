using MassTransit;
using Pipeline.Contracts;
using Pipeline.Processing;
using Pipeline.Processing.Jobs;
using Pipeline.Processing.LabelSets;

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
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Source) || string.IsNullOrWhiteSpace(request.Model))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["source"] = ["A job needs a source and a model."],
            });
        }

        List<LabelSetDefinition> labelSets;
        try
        {
            labelSets = [.. request.LabelSets ?? []];
            if (request.Labels is { Count: > 0 } names)
            {
                labelSets.Add(LabelSetFile.FromNames("labels", names));
            }
        }
        catch (FormatException e)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["labels"] = [e.Message] });
        }

        int batchSize = request.BatchSize ?? options.BatchSize;
        var job = new JobSubmitted(Guid.NewGuid(), request.Source, request.Model,
            new JobTasks(labelSets, request.TopK ?? 3, request.Policies ?? []), batchSize, time.GetUtcNow());
        await publisher.Publish(job, cancellationToken);
        return Results.Accepted($"/jobs/{job.JobId}", new { jobId = job.JobId });
    }

    private static async Task<IResult> GetAsync(Guid id, IJobStore store, CancellationToken cancellationToken)
    {
        JobProgress? progress = await store.GetProgressAsync(id, cancellationToken);
        return progress is null ? Results.NotFound() : Results.Ok(progress with { });
    }
}
