namespace Clip.Core.Imaging.Preprocessing;

/// <summary>What happens to each source row before it is resampled.</summary>
internal enum RowTransform
{
    /// <summary>The row is used as decoded.</summary>
    None,

    /// <summary>Colour is multiplied by alpha, as the reference does for resized RGBA and grey-alpha images.</summary>
    Premultiply,

    /// <summary>The row is blended onto the background colour and becomes opaque RGB.</summary>
    Composite,
}
