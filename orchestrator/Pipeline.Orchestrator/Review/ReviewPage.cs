using System.Reflection;

namespace Pipeline.Orchestrator.Review;

/// <summary>
/// Serves the page's three static files, embedded in the assembly from <c>wwwroot</c> so the orchestrator serves
/// them from any working folder. Only these names are served.
/// </summary>
internal static class ReviewPage
{
    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["review.js"] = "text/javascript; charset=utf-8",
        ["review.css"] = "text/css; charset=utf-8",
    };

    public static void Map(WebApplication app)
    {
        app.MapGet("/", () => Results.Redirect("/review/"));
        app.MapGet("/review/{file?}", (string? file, HttpContext context) => Serve(file ?? "index.html", context));
    }

    private static IResult Serve(string file, HttpContext context)
    {
        if (!Files.TryGetValue(file, out string? contentType))
        {
            return Results.NotFound();
        }

        Stream? stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("wwwroot/" + file);
        if (stream is null)
        {
            return Results.NotFound();
        }

        // Everything the page loads comes from this origin; no inline script, no plugin, no framing.
        context.Response.Headers.ContentSecurityPolicy =
            "default-src 'self'; img-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Stream(stream, contentType);
    }
}
