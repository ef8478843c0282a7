namespace Pipeline.Contracts;

/// <summary>One class of a label set.</summary>
/// <param name="Name">The class name, as stored in results.</param>
/// <param name="Prompts">The class's own prompts, used instead of the templates when given.</param>
/// <param name="Threshold">Its own threshold in the multi-label mode, or null for the set's default.</param>
public sealed record LabelClassDefinition(string Name, IReadOnlyList<string>? Prompts, float? Threshold);
