namespace Clip.Core.Models;

/// <summary>What <c>config.json</c> of a model folder says about the model.</summary>
/// <param name="ProjectionDimension">Embedding size both towers project to (<c>projection_dim</c>).</param>
/// <param name="LogitScale">
/// The multiplier applied to cosine similarities before a softmax: the trained exp value from a
/// <c>logit_scale</c> field when present, otherwise <see cref="ClipLogitScale"/>.
/// </param>
/// <param name="Text">Text tower settings.</param>
/// <param name="Vision">Vision tower settings.</param>
public sealed record ClipModelConfig(
    int ProjectionDimension,
    float LogitScale,
    ClipTextConfig Text,
    ClipVisionConfig Vision)
{
    /// <summary>
    /// The logit scale CLIP learned (exp of the trained log value, clipped at 100 during training); used when
    /// <c>config.json</c> has no <c>logit_scale</c>. Hugging Face's <c>logit_scale_init_value</c> is the untrained
    /// starting point and is deliberately not read.
    /// </summary>
    public const float ClipLogitScale = 100f;
}
