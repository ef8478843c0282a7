using Microsoft.Extensions.Logging;

namespace Clip.Core.Imaging.Decoding;

/// <summary>Log messages of image decoding. Event ids 1200-1299 belong to this area.</summary>
internal static partial class ImageDecodingLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Images are decoded with {Decoder}")]
    public static partial void DecoderChosen(ILogger logger, string decoder);

    [LoggerMessage(
        EventId = 1202,
        Level = LogLevel.Warning,
        Message = "libturbojpeg not found ({Reason}): JPEG decoding uses SkiaSharp (about 2.5x slower); " +
            "install the {Package} package")]
    public static partial void TurboJpegMissing(ILogger logger, string reason, string package);
}
