using System.Runtime.InteropServices;

namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// The system's libturbojpeg, loaded once on first use (thread-safe) and never unloaded. When it cannot be loaded,
/// <see cref="Problem"/> says why and JPEG decoding stays with SkiaSharp (or fails clearly when TurboJPEG was asked
/// for by name).
/// </summary>
internal sealed class TurboJpegLibrary
{
    /// <summary>The Debian package that installs the library (Ubuntu 24.04 calls it libturbojpeg).</summary>
    public const string DebianPackage = "libturbojpeg0";

    /// <summary>The file names tried, in order: the runtime package's soname, then the development link.</summary>
    public static readonly IReadOnlyList<string> FileNames = ["libturbojpeg.so.0", "libturbojpeg.so"];

    private static readonly string[] RequiredExports =
    [
        "tjInitDecompress", "tjDestroy", "tjDecompressHeader3", "tjDecompress2", "tjGetErrorStr2", "tjGetErrorCode",
        "tjGetScalingFactors",
    ];

    private static readonly Lazy<TurboJpegLibrary> SystemLibrary = new(
        () => LoadAndBind(FileNames), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly int[] ReducedScaleDenominators = [8, 4, 2];

    private TurboJpegLibrary(string? problem, IReadOnlyList<int> scaleDenominators)
    {
        Problem = problem;
        ScaleDenominators = scaleDenominators;
    }

    /// <summary>The system's library, loaded and bound to <see cref="TurboJpegNative"/> on first access.</summary>
    public static TurboJpegLibrary Default => SystemLibrary.Value;

    /// <summary>True when the library loaded and has every function <see cref="TurboJpegNative"/> calls.</summary>
    public bool IsLoaded => Problem is null;

    /// <summary>Why the library cannot be used, or null when it can.</summary>
    public string? Problem { get; }

    /// <summary>Of the reduced scales 1/8, 1/4 and 1/2 (smallest first), the denominators the library offers.</summary>
    public IReadOnlyList<int> ScaleDenominators { get; }

    /// <summary>The error for a TurboJPEG decoder asked for by name when the library cannot be used.</summary>
    public string DescribeMissing() =>
        $"The TurboJpeg image decoder needs libturbojpeg, but {Problem}. Install the {DebianPackage} package " +
        "(libturbojpeg on Ubuntu 24.04), or choose the decoder Auto or SkiaSharp.";

    /// <summary>
    /// Looks for the library under <paramref name="fileNames"/> without binding it: a test seam for a missing
    /// library. Only <see cref="Default"/> is ever called into.
    /// </summary>
    internal static TurboJpegLibrary Probe(IReadOnlyList<string> fileNames) =>
        new(TryOpen(fileNames, out _), []);

    private static TurboJpegLibrary LoadAndBind(IReadOnlyList<string> fileNames)
    {
        string? problem = TryOpen(fileNames, out nint handle);
        if (problem is not null)
        {
            return new TurboJpegLibrary(problem, []);
        }

        NativeLibrary.SetDllImportResolver(
            typeof(TurboJpegNative).Assembly,
            (name, _, _) => name == TurboJpegNative.LibraryName ? handle : IntPtr.Zero);
        return new TurboJpegLibrary(null, OfferedDenominators());
    }

    private static string? TryOpen(IReadOnlyList<string> fileNames, out nint handle)
    {
        foreach (string fileName in fileNames)
        {
            if (!NativeLibrary.TryLoad(fileName, out handle))
            {
                continue;
            }

            nint loaded = handle;
            string[] absent = RequiredExports.Where(name => !NativeLibrary.TryGetExport(loaded, name, out _)).ToArray();
            return absent.Length == 0
                ? null
                : $"{fileName} is too old: it lacks {string.Join(", ", absent)} (TurboJPEG 2.0 or later is needed)";
        }

        handle = IntPtr.Zero;
        return $"none of {string.Join(", ", fileNames)} could be loaded";
    }

    private static unsafe int[] OfferedDenominators()
    {
        TurboJpegNative.ScalingFactor* factors = TurboJpegNative.GetScalingFactors(out int count);
        var offered = new HashSet<int>();
        for (int i = 0; factors is not null && i < count; i++)
        {
            if (factors[i].Numerator == 1)
            {
                offered.Add(factors[i].Denominator);
            }
        }

        return ReducedScaleDenominators.Where(offered.Contains).ToArray();
    }
}
