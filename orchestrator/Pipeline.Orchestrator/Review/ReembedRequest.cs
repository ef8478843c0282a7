namespace Pipeline.Orchestrator.Review;

/// <summary>The body of <c>POST /reembed</c>.</summary>
/// <param name="Model">Name of the registered model to embed the images lacking its embedding with.</param>
internal sealed record ReembedRequest(string Model);
