namespace Clip.Core.Models;

/// <summary>The image preprocessing a model folder asks for in <c>preprocessor_config.json</c>.</summary>
internal sealed record PreprocessorSettings(
    int ShortestEdge,
    int CropWidth,
    int CropHeight,
    float[] Mean,
    float[] Std)
{
    /// <summary>CLIP's input size: resize the shortest edge to 224, then centre-crop 224 × 224.</summary>
    public const int ClipImageSize = 224;

    /// <summary>Per-channel RGB mean CLIP was trained with (published with the openai/CLIP preprocessing).</summary>
    public static readonly float[] ClipImageMean = [0.48145466f, 0.4578275f, 0.40821073f];

    /// <summary>Per-channel RGB standard deviation CLIP was trained with.</summary>
    public static readonly float[] ClipImageStd = [0.26862954f, 0.26130258f, 0.27577711f];

    public static PreprocessorSettings ClipDefault { get; } =
        new(ClipImageSize, ClipImageSize, ClipImageSize, ClipImageMean, ClipImageStd);
}
