namespace Clip.Core.Imaging.Preprocessing;

/// <summary>
/// The geometry and normalisation that turn an image into an image-encoder input: resize so the shortest edge is
/// <see cref="ShortestEdge"/> (bicubic), take the centre <see cref="CropWidth"/> x <see cref="CropHeight"/>
/// crop, scale samples to 0..1 and normalise each channel with <see cref="Mean"/> and <see cref="Std"/>.
/// </summary>
public sealed record ImagePreprocessingSpec
{
    /// <summary>The input of the published 224 px CLIP image encoders (RN50, ViT-B/32, ViT-B/16, ViT-L/14).</summary>
    /// <remarks>
    /// The mean and standard deviation are the constants of <c>Normalize</c> in <c>_transform</c> of OpenAI's
    /// CLIP repository (<c>clip/clip.py</c>), measured by OpenAI on CLIP's training images.
    /// </remarks>
    public static ImagePreprocessingSpec ClipDefault { get; } = new()
    {
        ShortestEdge = 224,
        CropWidth = 224,
        CropHeight = 224,
        Mean = new ChannelTriple(0.48145466f, 0.4578275f, 0.40821073f),
        Std = new ChannelTriple(0.26862954f, 0.26130258f, 0.27577711f),
    };

    /// <summary>Length of the shorter side after the resize, in pixels. Between 1 and 8192.</summary>
    public required int ShortestEdge { get; init; }

    /// <summary>Width of the centre crop, in pixels. Between 1 and <see cref="ShortestEdge"/>.</summary>
    public required int CropWidth { get; init; }

    /// <summary>Height of the centre crop, in pixels. Between 1 and <see cref="ShortestEdge"/>.</summary>
    public required int CropHeight { get; init; }

    /// <summary>Per-channel mean subtracted from the 0..1 samples. Finite.</summary>
    public required ChannelTriple Mean { get; init; }

    /// <summary>Per-channel standard deviation the samples are divided by. Finite and greater than zero.</summary>
    public required ChannelTriple Std { get; init; }

    /// <summary>Floats in one preprocessed image: 3 x <see cref="CropHeight"/> x <see cref="CropWidth"/>.</summary>
    public int TensorLength => 3 * CropHeight * CropWidth;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid property.</summary>
    public void Validate()
    {
        const int MaxEdge = 8192;
        if (ShortestEdge is < 1 or > MaxEdge)
        {
            throw new ArgumentException(
                $"{nameof(ShortestEdge)} must be between 1 and {MaxEdge}.",
                nameof(ShortestEdge));
        }

        // A crop larger than the resized image would need padding, which the reference never does.
        if (CropWidth < 1 || CropWidth > ShortestEdge)
        {
            throw new ArgumentException(
                $"{nameof(CropWidth)} must be between 1 and {nameof(ShortestEdge)}.",
                nameof(CropWidth));
        }

        if (CropHeight < 1 || CropHeight > ShortestEdge)
        {
            throw new ArgumentException(
                $"{nameof(CropHeight)} must be between 1 and {nameof(ShortestEdge)}.",
                nameof(CropHeight));
        }

        for (int c = 0; c < 3; c++)
        {
            if (!float.IsFinite(Mean[c]))
            {
                throw new ArgumentException($"{nameof(Mean)} must be finite.", nameof(Mean));
            }

            if (!float.IsFinite(Std[c]) || Std[c] <= 0f)
            {
                throw new ArgumentException($"{nameof(Std)} must be finite and greater than zero.", nameof(Std));
            }
        }
    }
}
