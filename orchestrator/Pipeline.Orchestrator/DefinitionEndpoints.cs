using System.Globalization;
using Pipeline.Contracts;
using Pipeline.Processing.Definitions;
using Pipeline.Processing.LabelSets;
using Pipeline.Processing.Moderation;
using Pipeline.Processing.Probes;
using Pipeline.Storage;
using Pipeline.Storage.Postgres;

namespace Pipeline.Orchestrator;

/// <summary>
/// Stored definitions that jobs refer to by name: <c>PUT /label-sets/{name}</c>, <c>PUT /policies/{name}</c> and
/// <c>PUT /probes/{name}</c> take the files users write (a label set as YAML or JSON, or one class per line as
/// <c>text/plain</c>; a policy file; a probe file from <c>clip probe train</c>, with an optional
/// <c>?minProbability=P</c>), check them and store them; <c>GET</c> on each lists what is stored.
/// </summary>
internal static class DefinitionEndpoints
{
    private const string Body = "the request body";

    public static void MapDefinitionEndpoints(this WebApplication app)
    {
        app.MapPut("/label-sets/{name}", PutLabelSetAsync);
        app.MapPut("/policies/{name}", PutPolicyAsync);
        app.MapPut("/probes/{name}", PutProbeAsync);
        app.MapGet("/label-sets", async (PostgresStorage storage, CancellationToken token) =>
            Results.Ok(StoredDefinitionView.From(await storage.Definitions.ListLabelSetsAsync(token))));
        app.MapGet("/policies", async (PostgresStorage storage, CancellationToken token) =>
            Results.Ok(StoredDefinitionView.From(await storage.Definitions.ListPoliciesAsync(token))));
        app.MapGet("/probes", async (PostgresStorage storage, CancellationToken token) =>
            Results.Ok(StoredDefinitionView.From(await storage.Definitions.ListProbesAsync(token))));
    }

    private static Task<IResult> PutLabelSetAsync(
        string name,
        HttpRequest request,
        PostgresStorage storage,
        CancellationToken token) =>
        PutAsync(request, storage, (text, definitions) =>
            definitions.SaveLabelSetAsync(ReadLabelSet(name, text, request.ContentType), token), token);

    private static Task<IResult> PutPolicyAsync(
        string name,
        HttpRequest request,
        PostgresStorage storage,
        CancellationToken token) =>
        PutAsync(request, storage, (text, definitions) =>
            definitions.SavePolicyAsync(ReadPolicy(name, text), token), token);

    private static Task<IResult> PutProbeAsync(
        string name,
        float? minProbability,
        HttpRequest request,
        PostgresStorage storage,
        CancellationToken token) =>
        PutAsync(request, storage, (text, definitions) =>
            definitions.SaveProbeAsync(LinearProbeFiles.Parse(text, Body, name, minProbability), token), token);

    private static async Task<IResult> PutAsync(
        HttpRequest request,
        PostgresStorage storage,
        Func<string, StoredDefinitions, Task<NamedDefinition>> save,
        CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        string text = await reader.ReadToEndAsync(cancellationToken);
        try
        {
            NamedDefinition stored = await save(text, new StoredDefinitions(storage.Definitions));
            return Results.Ok(StoredDefinitionView.From(stored));
        }
        catch (FormatException e)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [e.Message] });
        }
    }

    private static LabelSetDefinition ReadLabelSet(string name, string text, string? contentType)
    {
        bool plainText = contentType?.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) ?? false;
        LabelSetDefinition set = LabelSetFile.Parse(text, plainText, Body, name);
        return set.Name == name ? set : throw Misnamed("label set", set.Name, name);
    }

    private static ModerationPolicyDefinition ReadPolicy(string name, string text)
    {
        ModerationPolicyDefinition policy = ModerationPolicyFiles.Parse(text, Body);
        return policy.Name == name ? policy : throw Misnamed("policy", policy.Name, name);
    }

    private static FormatException Misnamed(string kind, string inBody, string inAddress) => new(string.Format(
        CultureInfo.InvariantCulture,
        "The {0} in the request body is named '{1}' but stored as '{2}'; leave the name out or make them equal.",
        kind,
        inBody,
        inAddress));
}
