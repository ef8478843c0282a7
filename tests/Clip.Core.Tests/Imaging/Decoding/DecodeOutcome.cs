using Clip.Core.Imaging;
using Clip.Core.Imaging.Decoding;

namespace Clip.Core.Tests.Imaging.Decoding;

/// <summary>What one decoder did with one file: an image, a decode error, or any other exception (a defect).</summary>
internal sealed record DecodeOutcome(
    int Width, int Height, PixelLayout? Layout, bool NearestResample, ImageDecodeError? Error, string? Defect)
{
    public bool Decoded => Layout is not null;

    public static DecodeOutcome Of(IImageDecoder decoder, byte[] bytes, ImageDecodeRequest? request = null)
    {
        try
        {
            using DecodedImage image = TestDecoders.DecodeWithin(decoder, bytes, request);
            return new DecodeOutcome(image.Width, image.Height, image.Layout, image.NearestResample, null, null);
        }
        catch (ImageDecodeException error)
        {
            return new DecodeOutcome(0, 0, null, false, error.Error, null);
        }
        catch (Exception defect)
        {
            return new DecodeOutcome(0, 0, null, false, null, $"{defect.GetType().Name}: {defect.Message}");
        }
    }

    public override string ToString() => Defect is not null ? $"DEFECT {Defect}"
        : Layout is not null ? $"{Width}x{Height} {Layout}{(NearestResample ? " nearest" : string.Empty)}"
        : $"{Error}";
}
