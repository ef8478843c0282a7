namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// Settings of image loading (configuration section <see cref="SectionName"/>). Every default is documented on its
/// property; <see cref="Validate"/> rejects a bad value with the setting's key.
/// </summary>
public sealed class ImageDecodingOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "ImageDecoding";

    /// <summary>
    /// Which library decodes. Default <see cref="ImageDecoderKind.Auto"/>: TurboJPEG for JPEG when the system's
    /// libturbojpeg loads, SkiaSharp otherwise and for the other formats.
    /// </summary>
    public ImageDecoderKind Decoder { get; set; } = ImageDecoderKind.Auto;

    /// <summary>
    /// Turn images upright according to their EXIF orientation. Default true. The CLIP reference preprocessing
    /// ignores the tag; set false to reproduce it exactly.
    /// </summary>
    public bool ApplyExifOrientation { get; set; } = true;

    /// <summary>Largest file accepted, in bytes. Default 64 MiB.</summary>
    public long MaxFileBytes { get; set; } = ImageDecodeRequest.DefaultMaxFileBytes;

    /// <summary>Largest decoded pixel count. Default 8192 x 8192.</summary>
    public long MaxPixels { get; set; } = ImageDecodeRequest.DefaultMaxPixels;

    /// <summary>Longest declared side. Default 32768.</summary>
    public int MaxDimension { get; set; } = ImageDecodeRequest.DefaultMaxDimension;

    /// <summary>Time limit for one decode. Default 10 seconds.</summary>
    public TimeSpan Timeout { get; set; } = ImageDecodeRequest.Default.Timeout;

    /// <summary>
    /// Smallest short side a reduced-size JPEG decode may produce (for example 224 for CLIP ViT-B models), or null
    /// to always decode at full size. Default null, which keeps decoded pixels identical to the reference.
    /// </summary>
    public int? MinimumShortSide { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the key of the first invalid setting.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Decoder))
        {
            throw new ArgumentException($"{SectionName}:{nameof(Decoder)} has the unknown value '{Decoder}'.");
        }

        try
        {
            ToRequest().Validate();
        }
        catch (ArgumentOutOfRangeException error)
        {
            throw new ArgumentException($"{SectionName}:{error.ParamName} is invalid. {error.Message}", error);
        }
    }

    /// <summary>The per-image request these settings describe.</summary>
    public ImageDecodeRequest ToRequest() => new()
    {
        MaxFileBytes = MaxFileBytes,
        MaxPixels = MaxPixels,
        MaxDimension = MaxDimension,
        Timeout = Timeout,
        MinimumShortSide = MinimumShortSide,
    };

    /// <summary>A copy of these settings with another <see cref="MinimumShortSide"/>.</summary>
    public ImageDecodingOptions With(int? minimumShortSide)
    {
        // A member-wise copy keeps every other setting, including any added later.
        var copy = (ImageDecodingOptions)MemberwiseClone();
        copy.MinimumShortSide = minimumShortSide;
        return copy;
    }
}
