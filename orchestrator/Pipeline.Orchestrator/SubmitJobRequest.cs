using Pipeline.Contracts;

namespace Pipeline.Orchestrator;

/// <summary>The body of <c>POST /jobs</c>.</summary>
/// <param name="Source">A blob container URL with an optional prefix, or a folder the workers can read.</param>
/// <param name="Model">Name of a model that a worker has registered.</param>
/// <param name="Labels">Class names of a single label set named <c>labels</c>; optional.</param>
/// <param name="LabelSets">Full label set definitions; optional.</param>
/// <param name="Policies">Moderation policies to score each image against; optional.</param>
/// <param name="TopK">Labels kept per image and label set or linear probe. Default 3.</param>
/// <param name="BatchSize">Images per batch. Default: the orchestrator's <c>Pipeline:BatchSize</c>.</param>
/// <param name="Probes">Full linear probe definitions, trained for <paramref name="Model"/>; optional.</param>
/// <param name="LabelSetNames">Names of stored label sets (<c>PUT /label-sets/{name}</c>); optional.</param>
/// <param name="PolicyNames">Names of stored moderation policies (<c>PUT /policies/{name}</c>); optional.</param>
/// <param name="ProbeNames">Names of stored linear probes (<c>PUT /probes/{name}</c>); optional.</param>
public sealed record SubmitJobRequest(
    string Source,
    string Model,
    IReadOnlyList<string>? Labels,
    IReadOnlyList<LabelSetDefinition>? LabelSets,
    IReadOnlyList<ModerationPolicyDefinition>? Policies,
    int? TopK,
    int? BatchSize,
    IReadOnlyList<LinearProbeDefinition>? Probes = null,
    IReadOnlyList<string>? LabelSetNames = null,
    IReadOnlyList<string>? PolicyNames = null,
    IReadOnlyList<string>? ProbeNames = null);
