using Clip.Core.Imaging.Decoding;
using Pipeline.Contracts;
using Pipeline.Processing.Curation;
using Pipeline.Sources;
using Pipeline.Storage.Postgres;
using Pipeline.Storage.Postgres.Curation;

namespace Pipeline.Orchestrator.Review;

/// <summary>
/// <c>GET /api/images/{id}</c> (labels and moderation scores) and <c>GET /api/images/{id}/content</c>, which
/// streams the bytes of a stored image from its blob or file. Only URIs of the <c>images</c> table are read, within
/// the decoder's file size limit, and only formats a browser shows as a picture are served.
/// </summary>
internal static class ImageApi
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/images/{id:long}", DetailsAsync);
        app.MapGet("/api/images/{id:long}/content", ContentAsync);
    }

    private static async Task<IResult> DetailsAsync(long id, CurationStore store, CancellationToken token)
    {
        string? uri = await store.Images.FindUriAsync(id, token);
        if (uri is null)
        {
            return Results.NotFound();
        }

        PostgresStorage storage = store.Storage;
        var labels = await storage.Labels.GetForImageAsync(id, token);
        var moderation = await storage.Moderation.GetForImageAsync(id, token);
        return Results.Ok(new { id, uri, labels, moderation });
    }

    private static async Task<IResult> ContentAsync(
        long id,
        CurationStore store,
        StoredImageReader reader,
        ImageDecodingOptions limits,
        HttpContext context,
        CancellationToken token)
    {
        string? uri = await store.Images.FindUriAsync(id, token);
        if (uri is null)
        {
            return Results.NotFound();
        }

        byte[] bytes;
        try
        {
            bytes = await reader.ReadAsync(new ImageReference(uri), limits.MaxFileBytes, token);
        }
        catch (ImageReadException e)
        {
            return Results.Problem($"The image cannot be read: {e.Kind}.", statusCode: StatusCodes.Status502BadGateway);
        }

        string? contentType = BrowserImageType.Of(bytes);
        if (contentType is null)
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "private, max-age=300";
        return Results.Bytes(bytes, contentType);
    }
}
