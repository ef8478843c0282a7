namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// Turns the bytes of one encoded image into pixels, treating the bytes as untrusted. An implementation detects the
/// format from the content (never from a file name), enforces every limit of the request before it allocates pixel
/// memory, returns the first frame of animated or multi-page files, reports the EXIF orientation without applying
/// it, and reports every failure as an <see cref="ImageDecodeException"/>. Implementations are thread-safe.
/// </summary>
public interface IImageDecoder
{
    /// <summary>A short name for logs and reports, such as <c>SkiaSharp</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Decodes <paramref name="encoded"/>. The layout of the result follows the source's colour mode (see
    /// <see cref="PixelLayout"/>); the caller owns the result and must dispose it.
    /// </summary>
    /// <exception cref="ImageDecodeException">The bytes could not be decoded within the request's limits.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    DecodedImage Decode(ReadOnlyMemory<byte> encoded, ImageDecodeRequest request, CancellationToken cancellationToken);
}
