namespace Pipeline.Storage;

/// <summary>The score and decision of one policy for one image.</summary>
/// <param name="ImageId">Identifier of the image row.</param>
/// <param name="Score">Policy score.</param>
/// <param name="Decision">Decision taken from the policy's thresholds.</param>
public sealed record ModerationResult(long ImageId, float Score, ModerationDecision Decision);
