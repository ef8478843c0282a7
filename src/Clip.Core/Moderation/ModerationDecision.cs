namespace Clip.Core.Moderation;

/// <summary>What a moderation policy says about one image.</summary>
public enum ModerationDecision
{
    /// <summary>The score is below the review threshold.</summary>
    Pass,

    /// <summary>The score reaches the review threshold but not the flag threshold: a person should look.</summary>
    Review,

    /// <summary>The score reaches the flag threshold.</summary>
    Flag,
}
