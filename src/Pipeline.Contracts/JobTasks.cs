namespace Pipeline.Contracts;

/// <summary>What a job does with each image besides embedding it.</summary>
/// <param name="LabelSets">
/// The label sets to score zero-shot, carried whole so that any worker can score them; empty for embeddings only.
/// </param>
/// <param name="TopK">How many labels to keep per image and label set.</param>
/// <param name="Policies">Moderation policies to score each image against; null or empty for none.</param>
public sealed record JobTasks(
    IReadOnlyList<LabelSetDefinition> LabelSets,
    int TopK = 3,
    IReadOnlyList<ModerationPolicyDefinition>? Policies = null)
{
    /// <summary>The policies, never null.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<ModerationPolicyDefinition> PolicyList => Policies ?? [];

    /// <summary>Embeddings only.</summary>
    public static JobTasks EmbedOnly { get; } = new([]);
}
