using System.Buffers;

namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// The steps of one TurboJPEG decode of a checked JPEG: the library's header, the size checks against it, the
/// choice of scale, then the pixels straight into the layout (RGB or grey), with no packing pass afterwards.
/// </summary>
internal static unsafe class TurboJpegDecode
{
    /// <summary>
    /// Decodes the first <paramref name="length"/> bytes of <paramref name="jpeg"/>, or returns null when TurboJPEG
    /// cannot read the file's header or turn its colours into RGB (CMYK, YCCK), so that another decoder must.
    /// </summary>
    public static DecodedImage? Run(
        byte[] jpeg, int length, DecodeJob job, IReadOnlyList<int> scaleDenominators, CancellationToken token)
    {
        try
        {
            using var decompressor = new TurboJpegDecompressor();
            fixed (byte* source = jpeg)
            {
                if (!decompressor.TryReadHeader(source, length, out int width, out int height, out int colourSpace)
                    || colourSpace is TurboJpegNative.ColourSpaceCmyk or TurboJpegNative.ColourSpaceYcck)
                {
                    return null;
                }

                DecodePreflight.CheckDeclaredSize(width, height, job.Request);
                (width, height) = ChooseSize(width, height, job, scaleDenominators);
                DecodePreflight.CheckDecodedSize(width, height, job.Request);
                token.ThrowIfCancellationRequested();
                return DecodePixels(decompressor, source, length, (width, height), job);
            }
        }
        catch (Exception error) when (error is not (ImageDecodeException or OperationCanceledException))
        {
            throw new ImageDecodeException(
                ImageDecodeError.Corrupt,
                $"TurboJPEG failed on this JPEG ({error.GetType().Name}: {error.Message}).",
                error);
        }
    }

    private static (int Width, int Height) ChooseSize(
        int width, int height, DecodeJob job, IReadOnlyList<int> scaleDenominators)
    {
        if (job.Request.MinimumShortSide is not int target)
        {
            return (width, height);
        }

        foreach (int denominator in scaleDenominators)
        {
            // The library's scaled size (TJSCALED) rounds each side up, as libjpeg's own output size does.
            int scaledWidth = (width + denominator - 1) / denominator;
            int scaledHeight = (height + denominator - 1) / denominator;
            if (Math.Min(scaledWidth, scaledHeight) >= target)
            {
                return (scaledWidth, scaledHeight);
            }
        }

        return (width, height);
    }

    private static DecodedImage DecodePixels(
        TurboJpegDecompressor decompressor, byte* source, int length, (int Width, int Height) size, DecodeJob job)
    {
        (int pixelFormat, int bytesPerPixel) = job.Layout switch
        {
            PixelLayout.Gray8 => (TurboJpegNative.PixelFormatGray, 1),
            PixelLayout.Rgb8 => (TurboJpegNative.PixelFormatRgb, 3),
            _ => throw Reject.Unsupported($"TurboJPEG does not decode a JPEG into {job.Layout}."),
        };
        int bufferLength = checked(size.Width * size.Height * bytesPerPixel);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(bufferLength);
        try
        {
            // Every row is written before the library reports success, so the rented buffer needs no clearing.
            fixed (byte* pixels = buffer)
            {
                decompressor.Decompress(source, length, pixels, (size.Width, size.Height, pixelFormat, bytesPerPixel));
            }

            return new DecodedImage(size.Width, size.Height, job.Layout, buffer, job.NearestResample)
            {
                ExifOrientation = job.Orientation,
            }.WithFullSize(job.Header.Width, job.Header.Height);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
