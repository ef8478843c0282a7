namespace Pipeline.Contracts;

/// <summary>What a job does with each image besides embedding it.</summary>
/// <param name="LabelSets">
/// The label sets to score zero-shot, carried whole so that any worker can score them; empty for embeddings only.
/// </param>
/// <param name="TopK">How many labels to keep per image and label set.</param>
public sealed record JobTasks(IReadOnlyList<LabelSetDefinition> LabelSets, int TopK = 3)
{
    /// <summary>Embeddings only.</summary>
    public static JobTasks EmbedOnly { get; } = new([]);
}
