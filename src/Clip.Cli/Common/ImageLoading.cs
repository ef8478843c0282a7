using Clip.Core.Imaging.Decoding;

namespace Clip.Cli.Common;

/// <summary>
/// Creates the image loader a command runs, logging to stderr: always a warning when libturbojpeg is missing and
/// JPEG decoding falls back to SkiaSharp, and with <c>--verbose</c> which decoder runs.
/// </summary>
internal static class ImageLoading
{
    public static ImageLoader Create(bool verbose) => Create(new ImageDecodingOptions(), verbose);

    public static ImageLoader Create(ImageDecodingOptions options, bool verbose) =>
        new(options, new StandardErrorLogger(verbose));
}
