namespace Pipeline.Storage.Postgres.Curation;

/// <summary>One change of the active model.</summary>
/// <param name="Id">Identifier of the entry, in the order of the changes.</param>
/// <param name="ModelId">The model made active, or null when the change left no model active.</param>
/// <param name="PreviousModelId">The model active before, or null when there was none.</param>
/// <param name="Action"><c>activate</c> or <c>rollback</c>.</param>
/// <param name="Undone">True for an activation that a rollback has undone.</param>
/// <param name="ChangedAt">When the change was made.</param>
public sealed record ModelHistoryEntry(
    long Id,
    int? ModelId,
    int? PreviousModelId,
    string Action,
    bool Undone,
    DateTimeOffset ChangedAt);
