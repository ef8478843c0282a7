namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// An image could not be decoded. <see cref="Error"/> says what kind of failure it was and the message gives the
/// reason in plain words; neither ever contains pixel data.
/// </summary>
public sealed class ImageDecodeException : Exception
{
    /// <summary>Creates the exception with a kind and a human-readable reason.</summary>
    public ImageDecodeException(ImageDecodeError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Creates the exception with a kind, a reason and the library error behind it.</summary>
    public ImageDecodeException(ImageDecodeError error, string message, Exception innerException)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>The kind of failure.</summary>
    public ImageDecodeError Error { get; }
}
