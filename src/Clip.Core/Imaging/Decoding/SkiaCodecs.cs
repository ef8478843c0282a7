using SkiaSharp;

namespace Clip.Core.Imaging.Decoding;

/// <summary>Opening a Skia codec and turning its result codes into decode errors.</summary>
internal static class SkiaCodecs
{
    public static SKCodec Open(SKData data, DecodeJob job)
    {
        var stream = new SKMemoryStream(data);
        SKCodec? codec = SKCodec.Create(stream, out SKCodecResult result);
        if (codec is null)
        {
            stream.Dispose();
            throw Failure(result == SKCodecResult.Success ? SKCodecResult.InvalidInput : result, job);
        }

        if (ToEncodedFormat(codec.EncodedFormat) != job.Header.Format)
        {
            codec.Dispose();
            throw Reject.Corrupt(
                $"The file starts like a {job.FormatName} but SkiaSharp reads it as {codec.EncodedFormat}.");
        }

        return codec;
    }

    /// <summary>The decode error for a Skia result other than success.</summary>
    public static ImageDecodeException Failure(SKCodecResult result, DecodeJob job)
    {
        string format = job.FormatName;
        return result switch
        {
            SKCodecResult.IncompleteInput => Reject.Truncated(
                $"The {format} is truncated or its compressed data is damaged: the image data ends early."),
            SKCodecResult.ErrorInInput or SKCodecResult.InvalidInput =>
                Reject.Corrupt($"The {format} contains invalid data (SkiaSharp: {result})."),
            SKCodecResult.InvalidConversion or SKCodecResult.InvalidScale or SKCodecResult.Unimplemented
                or SKCodecResult.InvalidParameters =>
                Reject.Unsupported($"SkiaSharp cannot decode this {format} ({result})."),
            _ => Reject.Corrupt($"SkiaSharp could not decode this {format} ({result})."),
        };
    }

    private static EncodedFormat ToEncodedFormat(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => EncodedFormat.Jpeg,
        SKEncodedImageFormat.Png => EncodedFormat.Png,
        SKEncodedImageFormat.Gif => EncodedFormat.Gif,
        SKEncodedImageFormat.Bmp => EncodedFormat.Bmp,
        SKEncodedImageFormat.Webp => EncodedFormat.Webp,
        SKEncodedImageFormat.Ico => EncodedFormat.Ico,
        _ => EncodedFormat.Unknown,
    };
}
