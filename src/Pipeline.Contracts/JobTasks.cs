namespace Pipeline.Contracts;

/// <summary>What a job does with each image besides embedding it.</summary>
/// <param name="LabelSets">Names of the label sets to score zero-shot; empty for embeddings only.</param>
/// <param name="TopK">How many labels to keep per image and label set.</param>
public sealed record JobTasks(IReadOnlyList<string> LabelSets, int TopK = 3)
{
    /// <summary>Embeddings only.</summary>
    public static JobTasks EmbedOnly { get; } = new([]);
}
