namespace Pipeline.Storage;

/// <summary>A stored label set or moderation policy: its name and JSON definition.</summary>
/// <param name="Id">Identifier that labels or moderation scores refer to.</param>
/// <param name="Name">Unique name.</param>
/// <param name="DefinitionJson">The definition as a JSON document.</param>
public sealed record NamedDefinition(int Id, string Name, string DefinitionJson);
