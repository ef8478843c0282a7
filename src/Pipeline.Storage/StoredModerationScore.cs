namespace Pipeline.Storage;

/// <summary>A moderation score as stored for an image.</summary>
/// <param name="ModelId">Model that produced the score.</param>
/// <param name="Policy">Name of the policy.</param>
/// <param name="Score">Policy score.</param>
/// <param name="Decision">Decision taken from the policy's thresholds.</param>
public sealed record StoredModerationScore(int ModelId, string Policy, float Score, ModerationDecision Decision);
