using System.Runtime.InteropServices;

namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// One TurboJPEG decompressor handle for one decode, destroyed on dispose. A handle per decode rather than one per
/// thread: each decode runs on a thread of its own (<see cref="TimeBound"/>), so a per-thread handle would never be
/// reused, and an abandoned decode must not share its handle with the next one. Creating one costs microseconds.
/// </summary>
internal sealed unsafe class TurboJpegDecompressor : IDisposable
{
    // Accurate integer IDCT and fancy upsampling are the library's defaults and what the reference decodes with, so
    // no flag changes them. A warning (truncated or damaged data) ends the decode at once, as an error, instead of
    // after a full decode of filler, and a progressive file with more than 500 scans (a scan bomb: seconds of work
    // per kilobyte) is refused.
    private const int Flags = TurboJpegNative.FlagStopOnWarning | TurboJpegNative.FlagLimitScans;

    // The warnings for data that stops before the image is complete: the input ends ("Premature end of JPEG file")
    // or a marker such as EOI interrupts the entropy-coded data ("premature end of data segment").
    private const string PrematureEnd = "premature end of";

    private nint _handle;

    public TurboJpegDecompressor()
    {
        _handle = TurboJpegNative.InitDecompress();
        if (_handle == 0)
        {
            throw new InvalidOperationException("TurboJPEG could not create a decompressor.");
        }
    }

    /// <summary>Reads the frame header; false when TurboJPEG cannot describe the file (odd subsampling...).</summary>
    public bool TryReadHeader(byte* jpeg, int length, out int width, out int height, out int colourSpace) =>
        TurboJpegNative.DecompressHeader3(
            _handle, jpeg, (nuint)length, out width, out height, out _, out colourSpace) == 0;

    /// <summary>
    /// Decodes into <paramref name="destination"/>, which holds the target's width x height pixels of its bytes per
    /// pixel, rows packed. The size must be one the library scales to, no larger than the header's.
    /// </summary>
    public void Decompress(
        byte* jpeg,
        int length,
        byte* destination,
        (int Width, int Height, int PixelFormat, int BytesPerPixel) target)
    {
        int pitch = checked(target.Width * target.BytesPerPixel);
        int result = TurboJpegNative.Decompress2(
            _handle, jpeg, (nuint)length, destination, target.Width, pitch, target.Height, target.PixelFormat, Flags);
        if (result != 0)
        {
            throw Failure();
        }
    }

    public void Dispose()
    {
        if (_handle != 0)
        {
            _ = TurboJpegNative.Destroy(_handle);
            _handle = 0;
        }
    }

    private ImageDecodeException Failure()
    {
        string message = Marshal.PtrToStringUTF8(TurboJpegNative.GetErrorStr2(_handle)) ?? "no message";
        if (TurboJpegNative.GetErrorCode(_handle) == TurboJpegNative.ErrorFatal)
        {
            return Reject.Corrupt($"The JPEG contains invalid data (libjpeg-turbo: {message}).");
        }

        return message.Contains(PrematureEnd, StringComparison.OrdinalIgnoreCase)
            ? Reject.Truncated($"The JPEG's image data ends early (libjpeg-turbo warning: {message}).")
            : Reject.Corrupt($"The JPEG's compressed data is damaged (libjpeg-turbo warning: {message}).");
    }
}
