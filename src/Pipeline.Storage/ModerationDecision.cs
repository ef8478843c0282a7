namespace Pipeline.Storage;

/// <summary>
/// What a moderation policy decided for an image; stored lower-case: <c>pass</c>, <c>review</c>, <c>flag</c>.
/// </summary>
public enum ModerationDecision
{
    /// <summary>Below the review threshold.</summary>
    Pass,

    /// <summary>Between the review and flag thresholds: a person should look.</summary>
    Review,

    /// <summary>At or above the flag threshold.</summary>
    Flag,
}
