using System.Globalization;
using System.Text.Json;

namespace Clip.Cli.Bench;

/// <summary>
/// The reference way to preprocess for CLIP, Pillow and numpy (<c>benchmarks/pillow/preprocess.py</c>), run as a
/// single Python process that times its own loop after a warm-up pass.
/// </summary>
internal static class PillowPeer
{
    /// <summary>A variant that runs the script over <paramref name="folder"/> for one slice.</summary>
    public static BenchVariant Variant(BenchContext context, string name, string folder, bool draft) =>
        new(name, (slice, token) => RateAsync(context, folder, slice, draft, token)) { WarmUp = false };

    private static async Task<double> RateAsync(
        BenchContext context,
        string folder,
        TimeSpan slice,
        bool draft,
        CancellationToken cancellationToken)
    {
        string script = Path.Combine(context.Settings.RepositoryRoot, "benchmarks", "pillow", "preprocess.py");
        var arguments = new List<string>
        {
            script, folder, slice.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        };
        if (draft)
        {
            arguments.Add("--draft");
        }

        string output = await ProcessRunner.RunAsync(BenchImages.Python, arguments, context.Log, cancellationToken);
        using var result = JsonDocument.Parse(output);
        return result.RootElement.GetProperty("images_per_second").GetDouble();
    }
}
