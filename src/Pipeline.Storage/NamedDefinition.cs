namespace Pipeline.Storage;

/// <summary>A stored label set, moderation policy or linear probe: its name and JSON definition.</summary>
/// <param name="Id">Identifier that labels or moderation scores refer to.</param>
/// <param name="Name">Unique name within its kind.</param>
/// <param name="DefinitionJson">The definition as a JSON document.</param>
/// <param name="UpdatedAt">When the definition last changed.</param>
public sealed record NamedDefinition(int Id, string Name, string DefinitionJson, DateTimeOffset UpdatedAt);
