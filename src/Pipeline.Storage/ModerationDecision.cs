namespace Pipeline.Storage;

/// <summary>What a moderation policy decided for an image.</summary>
public enum ModerationDecision
{
    /// <summary>Below the review threshold.</summary>
    Allow,

    /// <summary>Between the review and block thresholds: a person should look.</summary>
    Review,

    /// <summary>At or above the block threshold.</summary>
    Block,
}
