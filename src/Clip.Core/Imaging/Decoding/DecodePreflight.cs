namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// The checks every decoder makes before a library sees the bytes: not empty, within the byte limit, a recognised
/// image format (by content), a header that parses, and a declared size within the limits.
/// </summary>
internal static class DecodePreflight
{
    public static ImageHeader Inspect(ReadOnlySpan<byte> data, ImageDecodeRequest request)
    {
        if (data.IsEmpty)
        {
            throw new ImageDecodeException(ImageDecodeError.Empty, "The file is empty (0 bytes).");
        }

        if (data.Length > request.MaxFileBytes)
        {
            throw Reject.TooLarge($"The file has {data.Length:N0} bytes; the limit is {request.MaxFileBytes:N0}.");
        }

        EncodedFormat format = FormatSniffer.Sniff(data);
        if (!FormatSniffer.IsImage(format))
        {
            throw new ImageDecodeException(
                ImageDecodeError.NotAnImage, $"The file is not an image: it is {FormatSniffer.Describe(format)}.");
        }

        ImageHeader header = format switch
        {
            EncodedFormat.Jpeg => JpegHeaderReader.Read(data),
            EncodedFormat.Png => PngHeaderReader.Read(data),
            EncodedFormat.Gif => GifHeaderReader.Read(data),
            EncodedFormat.Bmp => BmpHeaderReader.Read(data),
            EncodedFormat.Webp => WebpHeaderReader.Read(data),
            EncodedFormat.Tiff => TiffHeaderReader.Read(data),
            EncodedFormat.Ico => IcoHeaderReader.Read(data),
            _ => throw Reject.Unsupported(
                $"The file is {FormatSniffer.Describe(format)}, a format that is not supported."),
        };

        CheckDeclaredSize(header.Width, header.Height, request);
        CheckSmallestDecodedSize(header, request);
        return header.DataProblem is null ? header : throw header.DataProblem;
    }

    /// <summary>Rejects a declared size with a side longer than the request allows.</summary>
    public static void CheckDeclaredSize(int width, int height, ImageDecodeRequest request)
    {
        if (width > request.MaxDimension || height > request.MaxDimension)
        {
            throw Reject.TooLarge(
                $"The image declares {width}x{height} pixels; the limit is {request.MaxDimension} pixels a side.");
        }
    }

    // The decoder makes the exact check once it knows the size it will decode at; this one rejects early (and before
    // any data problem is reported) what no decoder could bring under the limit, even at 1/8 JPEG scale.
    private static void CheckSmallestDecodedSize(ImageHeader header, ImageDecodeRequest request)
    {
        bool mayReduce = header.Format == EncodedFormat.Jpeg && request.MinimumShortSide is not null;
        long pixels = mayReduce ? (long)((header.Width + 7) / 8) * ((header.Height + 7) / 8) : header.PixelCount;
        if (pixels > request.MaxPixels)
        {
            throw Reject.TooLarge(
                $"The image declares {header.Width}x{header.Height} pixels, " +
                $"more than the limit of {request.MaxPixels:N0}.");
        }
    }

    /// <summary>Rejects a decoded size with more pixels than the request allows; call it before allocating.</summary>
    public static void CheckDecodedSize(int width, int height, ImageDecodeRequest request)
    {
        CheckDeclaredSize(width, height, request);
        long pixels = (long)width * height;
        if (pixels > request.MaxPixels)
        {
            throw Reject.TooLarge(
                $"The image would decode to {width}x{height} = {pixels:N0} pixels; " +
                $"the limit is {request.MaxPixels:N0}.");
        }
    }
}
