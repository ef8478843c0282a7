using Clip.Core.Moderation;
using Pipeline.Contracts;

namespace Pipeline.Processing.Moderation;

/// <summary>Reads moderation policy files into the definitions that jobs carry.</summary>
public static class ModerationPolicyFiles
{
    /// <summary>
    /// Loads a policy file (JSON, see <see cref="ModerationPolicyFile"/>). The pipeline scores images alone: a
    /// policy's image-text weighting applies where the text printed on an image is given (<c>clip moderate</c>).
    /// </summary>
    public static ModerationPolicyDefinition Load(string path) => ToDefinition(ModerationPolicyFile.Load(path));

    /// <summary>
    /// Reads the JSON text of a policy file; <paramref name="source"/> names it in errors. Throws
    /// <see cref="FormatException"/> naming the source and the key for anything wrong inside.
    /// </summary>
    public static ModerationPolicyDefinition Parse(string json, string source) =>
        ToDefinition(ModerationPolicyFile.Parse(json, source));

    /// <summary>
    /// Returns <paramref name="definition"/> when it can be scored, else throws <see cref="FormatException"/>
    /// naming <paramref name="where"/> and the problem (a side without prompts, thresholds out of order).
    /// </summary>
    public static ModerationPolicyDefinition Validate(ModerationPolicyDefinition definition, string where)
    {
        ArgumentNullException.ThrowIfNull(definition);
        try
        {
            _ = new ModerationPolicy(definition.Name, definition.PositivePrompts, definition.NegativePrompts,
                definition.FlagThreshold, definition.ReviewThreshold);
            return definition;
        }
        catch (ArgumentException e)
        {
            throw new FormatException(
                $"The moderation policy '{definition.Name}' in {where} is unusable: {e.Message}", e);
        }
    }

    private static ModerationPolicyDefinition ToDefinition(ModerationPolicy policy) => new(
        policy.Name,
        policy.PositivePrompts,
        policy.NegativePrompts,
        policy.FlagThreshold,
        policy.ReviewThreshold);
}
