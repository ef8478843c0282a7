namespace Clip.Core.Imaging.Preprocessing;

/// <summary>What the preprocessor does with the alpha channel of grey-alpha and RGBA images.</summary>
public enum AlphaHandling
{
    /// <summary>
    /// Composite the image onto <see cref="ClipPreprocessorOptions.BackgroundColor"/> before anything else, so
    /// transparent areas look like the background, as a viewer would show them. The product's choice.
    /// </summary>
    CompositeOnBackground,

    /// <summary>
    /// Do what the reference pipeline does: resize with premultiplied alpha (colour under full transparency turns
    /// black when the image is resized, and survives when it is not), then drop the alpha channel.
    /// </summary>
    Reference,
}
