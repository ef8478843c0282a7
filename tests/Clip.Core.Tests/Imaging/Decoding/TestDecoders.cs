using Clip.Core.Imaging;
using Clip.Core.Imaging.Decoding;

namespace Clip.Core.Tests.Imaging.Decoding;

/// <summary>The decoders under test, by a name that can travel through xunit theory data.</summary>
internal static class TestDecoders
{
    public const string Skia = "SkiaSharp";
    public const string ImageSharp = "ImageSharp";
    public const string TurboJpeg = "TurboJpeg";
    public const string SkiaChain = "SkiaSharp+ImageSharp";
    public const string Default = "Default";

    /// <summary>Generous wall-clock bound per file, so that a hang fails the test instead of blocking.</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The default limits with a longer decode timeout: tests run many decodes in parallel on small shared machines,
    /// where the 24-megapixel panorama can exceed the production default. Timeouts have their own tests.
    /// </summary>
    public static readonly ImageDecodeRequest Request =
        ImageDecodeRequest.Default with { Timeout = TimeSpan.FromSeconds(60) };

    public static IReadOnlyList<string> All { get; } = [Skia, ImageSharp, TurboJpeg, Default];

    public static IImageDecoder Create(string name) => name switch
    {
        Skia => new SkiaImageDecoder(),
        ImageSharp => new ImageSharpImageDecoder(),

        // Throws, failing the test, with what to install when libturbojpeg is missing on the test machine.
        TurboJpeg => ImageDecoderFactory.Create(ImageDecoderKind.TurboJpeg),
        SkiaChain => ImageDecoderFactory.Create(ImageDecoderKind.SkiaSharp),
        Default => ImageDecoderFactory.Create(new ImageDecodingOptions().Decoder),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown decoder name."),
    };

    /// <summary>Decodes on a worker; fails if the decoder does not return within <see cref="HangLimit"/>.</summary>
    public static DecodedImage DecodeWithin(IImageDecoder decoder, byte[] bytes, ImageDecodeRequest? request = null)
    {
        Task<DecodedImage> decode = Task.Run(() => decoder.Decode(bytes, request ?? Request, default));
        bool returned = Task.WhenAny(decode, Task.Delay(HangLimit)).GetAwaiter().GetResult() == decode;
        if (!returned)
        {
            throw new TimeoutException($"{decoder.Name} did not return within {HangLimit.TotalSeconds} s.");
        }

        return decode.GetAwaiter().GetResult();
    }
}
