using System.Text.Json;
using Pipeline.Storage;

namespace Pipeline.Orchestrator;

/// <summary>A stored definition as the definition endpoints return it.</summary>
/// <param name="Name">The name jobs refer to it by.</param>
/// <param name="UpdatedAt">When its definition last changed.</param>
/// <param name="Definition">The definition, as a job carries it.</param>
internal sealed record StoredDefinitionView(string Name, DateTimeOffset UpdatedAt, JsonElement Definition)
{
    public static StoredDefinitionView From(NamedDefinition stored)
    {
        using JsonDocument definition = JsonDocument.Parse(stored.DefinitionJson);
        return new StoredDefinitionView(stored.Name, stored.UpdatedAt, definition.RootElement.Clone());
    }

    public static IReadOnlyList<StoredDefinitionView> From(IReadOnlyList<NamedDefinition> stored) =>
        stored.Select(From).ToList();
}
