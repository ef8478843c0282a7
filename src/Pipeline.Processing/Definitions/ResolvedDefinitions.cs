using Pipeline.Contracts;

namespace Pipeline.Processing.Definitions;

/// <summary>Stored definitions looked up by name for a job, and what could not be found or used.</summary>
/// <param name="LabelSets">The label sets found, in the order asked for.</param>
/// <param name="Policies">The moderation policies found, in the order asked for.</param>
/// <param name="Probes">The linear probes found, in the order asked for.</param>
/// <param name="Problems">
/// Per request field (<c>labelSetNames</c>, <c>policyNames</c>, <c>probeNames</c>), a sentence for each name that
/// is not stored or whose stored definition cannot be used; empty when every name resolved.
/// </param>
public sealed record ResolvedDefinitions(
    IReadOnlyList<LabelSetDefinition> LabelSets,
    IReadOnlyList<ModerationPolicyDefinition> Policies,
    IReadOnlyList<LinearProbeDefinition> Probes,
    IReadOnlyDictionary<string, string[]> Problems);
