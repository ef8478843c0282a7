namespace Pipeline.Contracts;

/// <summary>What a job does with each image besides embedding it.</summary>
/// <param name="LabelSets">
/// The label sets to score zero-shot, carried whole so that any worker can score them; empty for embeddings only.
/// </param>
/// <param name="TopK">How many labels to keep per image and label set or linear probe.</param>
/// <param name="Policies">Moderation policies to score each image against; null or empty for none.</param>
/// <param name="Probes">
/// Trained linear probes to apply to each image embedding, carried whole like the label sets; null or empty for
/// none. Their labels are stored under each probe's name, so a probe and a label set of a job never share a name.
/// </param>
public sealed record JobTasks(
    IReadOnlyList<LabelSetDefinition> LabelSets,
    int TopK = 3,
    IReadOnlyList<ModerationPolicyDefinition>? Policies = null,
    IReadOnlyList<LinearProbeDefinition>? Probes = null)
{
    /// <summary>The policies, never null.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<ModerationPolicyDefinition> PolicyList => Policies ?? [];

    /// <summary>The linear probes, never null.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<LinearProbeDefinition> ProbeList => Probes ?? [];

    /// <summary>Embeddings only.</summary>
    public static JobTasks EmbedOnly { get; } = new([]);
}
