namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// The limits and size hint for decoding one image. The defaults suit a batch pipeline that feeds CLIP; call
/// <see cref="Validate"/> (decoders do) to reject impossible settings with the name of the offending property.
/// </summary>
public sealed record ImageDecodeRequest
{
    /// <summary>Default <see cref="MaxFileBytes"/>: 64 MiB, far above any photo a camera or phone writes.</summary>
    public const long DefaultMaxFileBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Default <see cref="MaxPixels"/>: 8192 x 8192 = 67,108,864 pixels. That admits the largest common camera sensors
    /// (about 61 megapixels) and stays below Pillow's own warning threshold (about 89 megapixels), while capping one
    /// decoded RGBA image at 256 MiB so that several decoding workers fit in memory together.
    /// </summary>
    public const long DefaultMaxPixels = 8192L * 8192;

    /// <summary>
    /// Default <see cref="MaxDimension"/>: 32768 pixels a side, longer than real panoramas and scans, shorter than
    /// the 65,535 that bombs declare in a few bytes.
    /// </summary>
    public const int DefaultMaxDimension = 32768;

    /// <summary>The limits above with a 10-second timeout and no reduced-size decoding.</summary>
    public static ImageDecodeRequest Default { get; } = new();

    /// <summary>Largest encoded input accepted, in bytes. Default <see cref="DefaultMaxFileBytes"/>.</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>
    /// Largest number of pixels the decoder may allocate for the result (width x height after any reduced-size
    /// decoding). Checked against the size declared in the file's header, before any pixel memory is allocated.
    /// Default <see cref="DefaultMaxPixels"/>.
    /// </summary>
    public long MaxPixels { get; init; } = DefaultMaxPixels;

    /// <summary>
    /// Largest width or height the file may declare, whatever size it would be decoded at.
    /// Default <see cref="DefaultMaxDimension"/>.
    /// </summary>
    public int MaxDimension { get; init; } = DefaultMaxDimension;

    /// <summary>
    /// Longest time one decode may take before it fails with <see cref="ImageDecodeError.Timeout"/>. Default 10 s,
    /// several times what a 24-megapixel WebP takes on one busy core.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// When set, a decoder that can decode a JPEG at 1/2, 1/4 or 1/8 scale in the DCT domain picks the smallest
    /// such scale whose short side is still at least this many pixels (for CLIP, the model's input size such as
    /// 224). The pixels then differ from a full-size decode followed by a resize. Default <c>null</c>: full size.
    /// </summary>
    public int? MinimumShortSide { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (MaxFileBytes <= 0 || MaxFileBytes > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxFileBytes), MaxFileBytes, $"Must be positive and at most {Array.MaxLength} (one array).");
        }

        // The widest intermediate buffer holds four 16-bit samples a pixel, and it must fit in one array.
        if (MaxPixels <= 0 || MaxPixels > Array.MaxLength / 8)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxPixels), MaxPixels, $"Must be positive and at most {Array.MaxLength / 8}.");
        }

        if (MaxDimension <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDimension), MaxDimension, "Must be positive.");
        }

        if (Timeout <= TimeSpan.Zero || Timeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "Must be positive and under 24 days.");
        }

        if (MinimumShortSide is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumShortSide), MinimumShortSide, "Must be positive.");
        }
    }
}
