namespace Clip.Core.Imaging.Preprocessing;

/// <summary>Choices of <see cref="ClipImagePreprocessor"/> that the reference pipeline does not fix.</summary>
public sealed class ClipPreprocessorOptions
{
    /// <summary>
    /// What to do with alpha. Default <see cref="AlphaHandling.CompositeOnBackground"/>: a transparent logo should
    /// be seen on the background a viewer would show, not on whatever colour hides under zero alpha.
    /// <see cref="AlphaHandling.Reference"/> reproduces the reference tensors exactly.
    /// </summary>
    public AlphaHandling AlphaHandling { get; set; } = AlphaHandling.CompositeOnBackground;

    /// <summary>
    /// The colour transparent pixels are composited onto with <see cref="AlphaHandling.CompositeOnBackground"/>.
    /// Default white. Ignored with <see cref="AlphaHandling.Reference"/>.
    /// </summary>
    public RgbColor BackgroundColor { get; set; } = RgbColor.White;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid property.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(AlphaHandling))
        {
            throw new ArgumentException(
                $"{nameof(AlphaHandling)} has the unknown value {AlphaHandling}.",
                nameof(AlphaHandling));
        }
    }
}
