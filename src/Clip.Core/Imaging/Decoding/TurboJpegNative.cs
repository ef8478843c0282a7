using System.Reflection;
using System.Runtime.InteropServices;

namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// The calls of the TurboJPEG C API (libturbojpeg 2.x, <c>turbojpeg.h</c>) that decoding needs, and its constants.
/// The library name is symbolic: the first call resolves it to the file <see cref="TurboJpegLibrary"/> loads, so
/// callers check <see cref="TurboJpegLibrary.IsLoaded"/> on <see cref="TurboJpegLibrary.Default"/> first.
/// </summary>
internal static unsafe partial class TurboJpegNative
{
    /// <summary>The name the imports below use; mapped to the loaded file by <see cref="TurboJpegLibrary"/>.</summary>
    public const string LibraryName = "turbojpeg";

    /// <summary><c>TJPF_RGB</c>: 3 bytes a pixel, red first.</summary>
    public const int PixelFormatRgb = 0;

    /// <summary><c>TJPF_GRAY</c>: 1 byte a pixel.</summary>
    public const int PixelFormatGray = 6;

    /// <summary><c>TJCS_CMYK</c>: the JPEG stores CMYK, which TurboJPEG cannot turn into RGB.</summary>
    public const int ColourSpaceCmyk = 3;

    /// <summary><c>TJCS_YCCK</c>: the JPEG stores YCCK (Adobe), which TurboJPEG cannot turn into RGB.</summary>
    public const int ColourSpaceYcck = 4;

    /// <summary><c>TJERR_FATAL</c>: an error, where 0 (<c>TJERR_WARNING</c>) is a recoverable warning.</summary>
    public const int ErrorFatal = 1;

    /// <summary><c>TJFLAG_STOPONWARNING</c>: a warning (damaged or truncated data) ends the decode at once.</summary>
    public const int FlagStopOnWarning = 8192;

    /// <summary><c>TJFLAG_LIMITSCANS</c> (2.1 and later): a progressive JPEG with over 500 scans is an error.</summary>
    public const int FlagLimitScans = 32768;

    // Runs before the first call: the imports of this assembly named LibraryName go to the system's libturbojpeg.
    static TurboJpegNative()
    {
        NativeLibrary.SetDllImportResolver(typeof(TurboJpegNative).Assembly, Resolve);
    }

    [LibraryImport(LibraryName, EntryPoint = "tjInitDecompress")]
    public static partial nint InitDecompress();

    [LibraryImport(LibraryName, EntryPoint = "tjDestroy")]
    public static partial int Destroy(nint handle);

    [LibraryImport(LibraryName, EntryPoint = "tjDecompressHeader3")]
    public static partial int DecompressHeader3(
        nint handle,
        byte* jpeg,
        nuint jpegSize,
        out int width,
        out int height,
        out int subsampling,
        out int colourSpace);

    [LibraryImport(LibraryName, EntryPoint = "tjDecompress2")]
    public static partial int Decompress2(
        nint handle,
        byte* jpeg,
        nuint jpegSize,
        byte* destination,
        int width,
        int pitch,
        int height,
        int pixelFormat,
        int flags);

    /// <summary>The handle's last error message; the string belongs to the library (never freed here).</summary>
    [LibraryImport(LibraryName, EntryPoint = "tjGetErrorStr2")]
    public static partial nint GetErrorStr2(nint handle);

    [LibraryImport(LibraryName, EntryPoint = "tjGetErrorCode")]
    public static partial int GetErrorCode(nint handle);

    /// <summary>The library's own array of <see cref="ScalingFactor"/>s, valid while the library is loaded.</summary>
    [LibraryImport(LibraryName, EntryPoint = "tjGetScalingFactors")]
    public static partial ScalingFactor* GetScalingFactors(out int count);

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == LibraryName ? TurboJpegLibrary.SystemHandle : IntPtr.Zero;

    /// <summary><c>tjscalingfactor</c>: the output is <c>Numerator / Denominator</c> of the stored size.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public readonly struct ScalingFactor
    {
        public readonly int Numerator;
        public readonly int Denominator;
    }
}
