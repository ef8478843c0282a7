using System.Buffers;

namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// Decodes JPEG with the system's libjpeg-turbo through its TurboJPEG API (libturbojpeg, with SIMD: about 2.5 times
/// Skia's bundled build, which has none), the same library and settings the reference's Pillow decodes with, so the
/// pixels are the reference's. Reads JPEG at 1/2, 1/4 or 1/8 scale when the request sets
/// <see cref="ImageDecodeRequest.MinimumShortSide"/>. Every other format, and the JPEGs TurboJPEG cannot turn into
/// RGB or grey (CMYK, YCCK, unusual chroma subsampling), goes to the SkiaSharp fallback.
/// </summary>
public sealed class TurboJpegImageDecoder : IImageDecoder, IDecodeBackend
{
    private readonly SkiaImageDecoder _fallback;
    private readonly TurboJpegLibrary _library;

    /// <summary>
    /// Creates the decoder over the system's libturbojpeg; <paramref name="fallback"/> decodes everything else.
    /// </summary>
    /// <exception cref="InvalidOperationException">libturbojpeg cannot be loaded; the message says what to
    /// install.</exception>
    public TurboJpegImageDecoder(SkiaImageDecoder fallback)
        : this(fallback, TurboJpegLibrary.Default)
    {
    }

    internal TurboJpegImageDecoder(SkiaImageDecoder fallback, TurboJpegLibrary library)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        _library = library.IsLoaded ? library : throw new InvalidOperationException(library.DescribeMissing());
        _fallback = fallback;
    }

    /// <inheritdoc />
    public string Name => $"TurboJPEG (other formats: {_fallback.Name})";

    /// <inheritdoc />
    public DecodedImage Decode(
        ReadOnlyMemory<byte> encoded, ImageDecodeRequest request, CancellationToken cancellationToken) =>
        FormatSniffer.Sniff(encoded.Span) == EncodedFormat.Jpeg
            ? GuardedDecode.Run(encoded, request, this, cancellationToken)
            : _fallback.Decode(encoded, request, cancellationToken);

    void IDecodeBackend.CheckSupported(ImageHeader header)
    {
        if (header.Format != EncodedFormat.Jpeg)
        {
            throw Reject.Unsupported($"TurboJPEG does not read {FormatSniffer.Describe(header.Format)}.");
        }

        if (header.BitsPerSample != 8)
        {
            throw Reject.Unsupported($"TurboJPEG does not decode {header.BitsPerSample}-bit JPEG.");
        }
    }

    DecodedImage IDecodeBackend.Decode(ReadOnlyMemory<byte> encoded, DecodeJob job, CancellationToken token)
    {
        DecodedImage? image = null;
        if (job.Header.Mode != SourceMode.Cmyk)
        {
            // The library reads its own copy, so an abandoned (timed-out) decode never touches the caller's memory.
            byte[] copy = ArrayPool<byte>.Shared.Rent(encoded.Length);
            try
            {
                encoded.Span.CopyTo(copy);
                image = TurboJpegDecode.Run(copy, encoded.Length, job, _library.ScaleDenominators, token);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(copy);
            }
        }

        // Same job, same deadline: the fallback's backend runs inside this guarded decode.
        return image ?? ((IDecodeBackend)_fallback).Decode(encoded, job, token);
    }
}
