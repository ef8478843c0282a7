namespace Pipeline.Contracts;

/// <summary>
/// A moderation policy as a job carries it: the score is the probability of the positive prompts against the
/// negative ones; at or above <paramref name="FlagThreshold"/> an image is flagged, at or above
/// <paramref name="ReviewThreshold"/> it goes to review, below it passes.
/// </summary>
/// <param name="Name">Name under which scores are stored.</param>
/// <param name="PositivePrompts">Prompts describing what the policy looks for.</param>
/// <param name="NegativePrompts">Prompts describing acceptable content.</param>
/// <param name="FlagThreshold">Score from which an image is flagged.</param>
/// <param name="ReviewThreshold">Score from which an image goes to review.</param>
public sealed record ModerationPolicyDefinition(
    string Name,
    IReadOnlyList<string> PositivePrompts,
    IReadOnlyList<string> NegativePrompts,
    float FlagThreshold,
    float ReviewThreshold);
