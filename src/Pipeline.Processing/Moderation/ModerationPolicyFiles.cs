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
    public static ModerationPolicyDefinition Load(string path)
    {
        ModerationPolicy policy = ModerationPolicyFile.Load(path);
        return new ModerationPolicyDefinition(
            policy.Name,
            policy.PositivePrompts,
            policy.NegativePrompts,
            policy.FlagThreshold,
            policy.ReviewThreshold);
    }
}
