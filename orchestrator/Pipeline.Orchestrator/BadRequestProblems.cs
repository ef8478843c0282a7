using System.Text.Json;

namespace Pipeline.Orchestrator;

/// <summary>
/// A request body that cannot be read (empty, not JSON, a field of the wrong type) is answered with a validation
/// problem under <c>body</c> that says what is wrong and where, instead of an empty 400.
/// </summary>
internal static class BadRequestProblems
{
    public static IHostApplicationBuilder AddBadRequestProblems(this IHostApplicationBuilder builder)
    {
        // Binding failures become exceptions, which the middleware below turns into problem documents.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return builder;
    }

    public static void UseBadRequestProblems(this WebApplication app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            // The JSON reader's message carries the path of the field ("$.labelSetNames") and the position.
            string detail = e.InnerException is JsonException json ? $"{e.Message} {json.Message}" : e.Message;
            await Results.ValidationProblem(
                new Dictionary<string, string[]> { ["body"] = [detail] },
                statusCode: e.StatusCode).ExecuteAsync(context);
        }
    });
}
