namespace Pipeline.Orchestrator.Review;

/// <summary>The review and search page, its JSON endpoints under <c>/api</c>, and <c>POST /reembed</c>.</summary>
internal static class ReviewEndpoints
{
    public static void MapReviewEndpoints(this WebApplication app)
    {
        ReviewPage.Map(app);
        SearchApi.Map(app);
        ImageApi.Map(app);
        ModerationApi.Map(app);
        DuplicateApi.Map(app);
        CorrectionApi.Map(app);
        ReembedApi.Map(app);
    }
}
