namespace Pipeline.Storage.Postgres.Curation;

/// <summary>
/// Conditions a search result must meet besides being near the query. Labels and moderation scores are those
/// stored for the model searched.
/// </summary>
/// <param name="LabelSet">Label set whose label the image must have, with <paramref name="Label"/>; or null.</param>
/// <param name="Label">The label the image must have in <paramref name="LabelSet"/>.</param>
/// <param name="MinLabelScore">Lowest score of that label. Default 0: any stored label.</param>
/// <param name="Policy">Moderation policy whose decision the image must have, with <paramref name="Decision"/>.
/// </param>
/// <param name="Decision">The moderation decision the image must have under <paramref name="Policy"/>.</param>
public sealed record SearchFilter(
    string? LabelSet = null,
    string? Label = null,
    float MinLabelScore = 0,
    string? Policy = null,
    ModerationDecision? Decision = null)
{
    /// <summary>No condition.</summary>
    public static SearchFilter None { get; } = new();

    /// <summary>True when a label condition is set.</summary>
    public bool HasLabel => LabelSet is not null && Label is not null;

    /// <summary>True when a moderation condition is set.</summary>
    public bool HasModeration => Policy is not null && Decision is not null;
}
