using Clip.Core.Moderation;

namespace Clip.Cli.Evaluation;

/// <summary>What <c>clip moderate</c> says about one image.</summary>
/// <param name="Score">The probability the decision is taken on.</param>
/// <param name="Decision">Flag, review or pass by the policy's thresholds.</param>
/// <param name="ImageScore">The zero-shot score of the image alone; null for a probe.</param>
/// <param name="TextScore">The zero-shot score of the image's text, when it was used; null for a probe.</param>
internal sealed record ModerationVerdict(float Score, ModerationDecision Decision, float? ImageScore, float? TextScore);
