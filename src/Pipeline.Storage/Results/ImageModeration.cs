namespace Pipeline.Storage.Results;

/// <summary>An image's score under one moderation policy.</summary>
/// <param name="Policy">Name of the policy.</param>
/// <param name="Score">Probability of the policy's positive side, 0 to 1.</param>
/// <param name="Decision">Flag, review or pass, from the policy's thresholds.</param>
public sealed record ImageModeration(string Policy, float Score, ModerationDecision Decision);
