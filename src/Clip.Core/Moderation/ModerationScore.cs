namespace Clip.Core.Moderation;

/// <summary>The outcome of scoring one image against a <see cref="ModerationPolicy"/>.</summary>
/// <param name="Score">The probability of the positive side, in [0, 1], that the decision is taken on.</param>
/// <param name="Decision">Flag, review or pass.</param>
/// <param name="ImageScore">The positive side's probability from the image embedding alone.</param>
/// <param name="TextScore">The same from the image's text, or null when the text was not used.</param>
public readonly record struct ModerationScore(
    float Score,
    ModerationDecision Decision,
    float ImageScore,
    float? TextScore);
