namespace Clip.Core.Imaging.Decoding;

/// <summary>Shorthands that build the exception for each kind of decode failure.</summary>
internal static class Reject
{
    public static ImageDecodeException Corrupt(string reason) => new(ImageDecodeError.Corrupt, reason);

    public static ImageDecodeException Truncated(string reason) => new(ImageDecodeError.Truncated, reason);

    public static ImageDecodeException Unsupported(string reason) => new(ImageDecodeError.Unsupported, reason);

    public static ImageDecodeException TooLarge(string reason) => new(ImageDecodeError.TooLarge, reason);
}
