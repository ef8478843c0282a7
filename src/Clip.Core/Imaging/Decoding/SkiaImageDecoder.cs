using System.Buffers;
using SkiaSharp;

namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// Decodes with SkiaSharp's codecs (libjpeg-turbo, libpng, libwebp, Skia's GIF, BMP and ICO readers). Reads JPEG at
/// 1/2, 1/4 or 1/8 scale when the request sets <see cref="ImageDecodeRequest.MinimumShortSide"/>. Skia reads no TIFF
/// and hands out 16-bit PNG samples only as half floats (inexact), so give it a fallback decoder for those two;
/// without one they are reported as unsupported.
/// </summary>
public sealed class SkiaImageDecoder : IImageDecoder, IDecodeBackend
{
    private const int PngBitDepthOffset = 24;

    private static readonly int[] ScaleDenominators = [8, 4, 2];

    private readonly IImageDecoder? _fallback;

    /// <summary>Creates the decoder; <paramref name="fallback"/>, when given, decodes TIFF and 16-bit PNG.</summary>
    public SkiaImageDecoder(IImageDecoder? fallback = null)
    {
        _fallback = fallback;
    }

    /// <inheritdoc />
    public string Name => _fallback is null ? "SkiaSharp" : $"SkiaSharp (TIFF, 16-bit PNG: {_fallback.Name})";

    /// <inheritdoc />
    public DecodedImage Decode(
        ReadOnlyMemory<byte> encoded, ImageDecodeRequest request, CancellationToken cancellationToken)
    {
        if (_fallback is not null && NeedsFallback(encoded.Span))
        {
            return _fallback.Decode(encoded, request, cancellationToken);
        }

        return GuardedDecode.Run(encoded, request, this, cancellationToken);
    }

    void IDecodeBackend.CheckSupported(ImageHeader header)
    {
        if (header.Format is not (EncodedFormat.Jpeg or EncodedFormat.Png or EncodedFormat.Gif or EncodedFormat.Bmp
            or EncodedFormat.Webp or EncodedFormat.Ico))
        {
            throw Reject.Unsupported($"SkiaSharp does not read {FormatSniffer.Describe(header.Format)}.");
        }

        if (header.BitsPerSample != 8)
        {
            throw Reject.Unsupported(
                $"SkiaSharp does not decode {header.BitsPerSample}-bit " +
                $"{FormatSniffer.ShortName(header.Format)} exactly.");
        }
    }

    private static bool NeedsFallback(ReadOnlySpan<byte> encoded) => FormatSniffer.Sniff(encoded) switch
    {
        EncodedFormat.Tiff => true,
        EncodedFormat.Png => encoded.Length > PngBitDepthOffset && encoded[PngBitDepthOffset] == 16,
        _ => false,
    };

    DecodedImage IDecodeBackend.Decode(ReadOnlyMemory<byte> encoded, DecodeJob job, CancellationToken token)
    {
        try
        {
            // The codec reads from its own copy, so an abandoned (timed-out) decode never touches the caller's memory.
            using SKData data = SKData.CreateCopy(encoded.Span);
            using SKCodec codec = SkiaCodecs.Open(data, job);
            SKImageInfo source = codec.Info;
            DecodePreflight.CheckDeclaredSize(source.Width, source.Height, job.Request);
            SKSizeI size = ChooseSize(codec, job);
            DecodePreflight.CheckDecodedSize(size.Width, size.Height, job.Request);
            token.ThrowIfCancellationRequested();
            return DecodePixels(codec, size, job);
        }
        catch (Exception error) when (error is not (ImageDecodeException or OperationCanceledException))
        {
            throw new ImageDecodeException(
                ImageDecodeError.Corrupt,
                $"SkiaSharp failed on this {job.FormatName} ({error.GetType().Name}: {error.Message}).",
                error);
        }
    }

    private static SKSizeI ChooseSize(SKCodec codec, DecodeJob job)
    {
        if (job.Request.MinimumShortSide is not int target || job.Header.Format != EncodedFormat.Jpeg)
        {
            return codec.Info.Size;
        }

        foreach (int denominator in ScaleDenominators)
        {
            SKSizeI scaled = codec.GetScaledDimensions(1f / denominator);
            if (Math.Min(scaled.Width, scaled.Height) >= target)
            {
                return scaled;
            }
        }

        return codec.Info.Size;
    }

    private static unsafe DecodedImage DecodePixels(SKCodec codec, SKSizeI size, DecodeJob job)
    {
        bool greyDirect = job.Layout == PixelLayout.Gray8 && codec.Info.ColorType == SKColorType.Gray8;
        SKColorType colorType = greyDirect ? SKColorType.Gray8 : SKColorType.Rgba8888;
        int bytesPerPixel = greyDirect ? 1 : 4;

        // No colour space on the target: pixels stay in the file's own encoding, as in the reference (no ICC).
        var target = new SKImageInfo(size.Width, size.Height, colorType, SKAlphaType.Unpremul);
        int pixelCount = checked(size.Width * size.Height);
        int length = checked(pixelCount * bytesPerPixel);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            // A frame of a GIF, WebP or ICO may cover only part of the canvas: clear the buffer so that no byte of an
            // earlier image shows through. JPEG, PNG and BMP codecs write every row before they report success.
            if (job.Header.Format is not (EncodedFormat.Jpeg or EncodedFormat.Png or EncodedFormat.Bmp))
            {
                Array.Clear(buffer, 0, length);
            }
            SKCodecResult result;
            fixed (byte* pixels = buffer)
            {
                result = codec.GetPixels(target, (IntPtr)pixels, size.Width * bytesPerPixel, new SKCodecOptions(0));
            }

            if (result != SKCodecResult.Success)
            {
                throw SkiaCodecs.Failure(result, job);
            }

            if (job.Header.TransparentColour is { } hidden)
            {
                PixelPacking.FillTransparent(buffer, pixelCount, hidden);
            }

            if (!greyDirect)
            {
                PixelPacking.FromRgba32(buffer, pixelCount, job.Layout);
            }

            return new DecodedImage(size.Width, size.Height, job.Layout, buffer, job.NearestResample)
            {
                ExifOrientation = job.Orientation,
            }.WithFullSize(codec.Info.Width, codec.Info.Height);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
