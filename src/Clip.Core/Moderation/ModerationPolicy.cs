namespace Clip.Core.Moderation;

/// <summary>
/// A zero-shot moderation rule: prompts that describe what to catch (the positive side), prompts that describe
/// acceptable look-alikes (the negative side), and two thresholds on the positive side's probability. Immutable.
/// </summary>
/// <remarks>
/// The score is the probability of the positive side (see <see cref="ModerationScorer"/>). A score at or above
/// <see cref="FlagThreshold"/> flags; at or above <see cref="ReviewThreshold"/> asks for review; below passes.
/// Setting both thresholds equal turns review off.
/// </remarks>
public sealed class ModerationPolicy
{
    /// <summary>The share of the text's probability in the combined score unless a policy sets its own.</summary>
    public const float DefaultTextWeight = 0.5f;

    /// <summary>
    /// Creates a policy; throws <see cref="ArgumentException"/> naming the problem when a side has no prompt, a
    /// prompt is blank, or the thresholds are not 0 ≤ review ≤ flag ≤ 1, or the text weight is outside [0, 1].
    /// </summary>
    public ModerationPolicy(
        string name,
        IReadOnlyList<string> positivePrompts,
        IReadOnlyList<string> negativePrompts,
        float flagThreshold,
        float reviewThreshold,
        bool useImageText = false,
        float textWeight = DefaultTextWeight)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(positivePrompts);
        ArgumentNullException.ThrowIfNull(negativePrompts);
        Name = name;
        PositivePrompts = positivePrompts.ToArray();
        NegativePrompts = negativePrompts.ToArray();
        FlagThreshold = flagThreshold;
        ReviewThreshold = reviewThreshold;
        UseImageText = useImageText;
        TextWeight = textWeight;
        Validate();
    }

    /// <summary>The policy's name, stored with its decisions.</summary>
    public string Name { get; }

    /// <summary>Prompts describing content to catch; embedded as one prompt ensemble.</summary>
    public IReadOnlyList<string> PositivePrompts { get; }

    /// <summary>Prompts describing acceptable content; embedded as one prompt ensemble.</summary>
    public IReadOnlyList<string> NegativePrompts { get; }

    /// <summary>The score from which an image is flagged, in [<see cref="ReviewThreshold"/>, 1].</summary>
    public float FlagThreshold { get; }

    /// <summary>The score from which an image goes to review, in [0, <see cref="FlagThreshold"/>].</summary>
    public float ReviewThreshold { get; }

    /// <summary>
    /// Whether the text printed on an image (a meme's caption), when given, is scored too and combined with the
    /// image's score (see <see cref="ModerationScorer.Score"/>).
    /// </summary>
    public bool UseImageText { get; }

    /// <summary>The weight w of the text's probability in (1 − w)·p_image + w·p_text, in [0, 1].</summary>
    public float TextWeight { get; }

    /// <summary>The decision for <paramref name="score"/>: flag, review or pass by the thresholds.</summary>
    public ModerationDecision Decide(float score) =>
        score >= FlagThreshold ? ModerationDecision.Flag
        : score >= ReviewThreshold ? ModerationDecision.Review
        : ModerationDecision.Pass;

    private void Validate()
    {
        string problem = this switch
        {
            { PositivePrompts.Count: 0 } => "has no positive prompt",
            { NegativePrompts.Count: 0 } => "has no negative prompt",
            _ when PositivePrompts.Concat(NegativePrompts).Any(string.IsNullOrWhiteSpace) => "has a blank prompt",
            _ when !(ReviewThreshold >= 0f && ReviewThreshold <= FlagThreshold && FlagThreshold <= 1f) =>
                $"needs thresholds 0 <= review <= flag <= 1; got review {ReviewThreshold}, flag {FlagThreshold}",
            _ when !(TextWeight >= 0f && TextWeight <= 1f) => $"has text weight {TextWeight} outside [0, 1]",
            _ => string.Empty,
        };
        if (problem.Length > 0)
        {
            throw new ArgumentException($"Moderation policy '{Name}' {problem}.");
        }
    }
}
