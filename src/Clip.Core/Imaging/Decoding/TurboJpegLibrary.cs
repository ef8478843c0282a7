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

    private static readonly int[] ReducedScaleDenominators = [8, 4, 2];

    // Two steps, so that binding the imports (which needs the file) never waits on the description (which calls one).
    private static readonly Lazy<(nint Handle, string? Problem)> SystemFile = new(
        OpenSystemFile, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<TurboJpegLibrary> SystemLibrary = new(
        () => SystemFile.Value.Problem is string problem
            ? new TurboJpegLibrary(problem, [])
            : new TurboJpegLibrary(null, OfferedDenominators()),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private TurboJpegLibrary(string? problem, IReadOnlyList<int> scaleDenominators)
    {
        Problem = problem;
        ScaleDenominators = scaleDenominators;
    }

    /// <summary>
    /// The system's library, loaded on first access; the one <see cref="TurboJpegNative"/> calls into.
    /// </summary>
    public static TurboJpegLibrary Default => SystemLibrary.Value;

    /// <summary>The handle of the system's library (loaded on first access), or zero when it is missing.</summary>
    public static nint SystemHandle => SystemFile.Value.Handle;

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
    /// Looks for the library under <paramref name="fileNames"/>: a test seam for a missing library. Calls always go
    /// to the system's library, so only a missing one is of use here.
    /// </summary>
    internal static TurboJpegLibrary Probe(IReadOnlyList<string> fileNames) =>
        new(TryOpen(fileNames, out _), []);

    private static (nint Handle, string? Problem) OpenSystemFile()
    {
        string? problem = TryOpen(FileNames, out nint handle);
        return (handle, problem);
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
            if (absent.Length == 0)
            {
                return null;
            }

            handle = IntPtr.Zero;
            return $"{fileName} is too old: it lacks {string.Join(", ", absent)} (TurboJPEG 2.0 or later is needed)";
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
