namespace Clip.Core.Imaging.Preprocessing;

/// <summary>One float per colour channel, in red, green, blue order.</summary>
/// <param name="Red">The red channel's value.</param>
/// <param name="Green">The green channel's value.</param>
/// <param name="Blue">The blue channel's value.</param>
public readonly record struct ChannelTriple(float Red, float Green, float Blue)
{
    /// <summary>The value of channel 0 (red), 1 (green) or 2 (blue).</summary>
    public float this[int channel] => channel switch
    {
        0 => Red,
        1 => Green,
        2 => Blue,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "A channel index is 0, 1 or 2."),
    };
}
