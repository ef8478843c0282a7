using Clip.Cli.Common;

namespace Clip.Cli.Bench;

/// <summary>The image sets the stages read, made in the workspace from the real photos at run time.</summary>
internal static class BenchImages
{
    /// <summary>Python with Pillow and numpy: Debian's, not whatever <c>python3</c> comes first on PATH.</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>The real images, copied as often as needed to have at least <paramref name="minimum"/> files.</summary>
    public static Task<IReadOnlyList<string>> ReplicatedAsync(BenchContext context, int minimum) =>
        context.Workspace.ImageSetAsync($"replicated-{minimum}", folder =>
        {
            string[] sources = RealImages(context);
            var files = new List<string>();
            for (int copy = 0; files.Count < minimum; copy++)
            {
                foreach (string source in sources)
                {
                    string target = Path.Combine(folder, $"{copy:D2}_{Path.GetFileName(source)}");
                    File.Copy(source, target);
                    files.Add(target);
                }
            }

            context.Log.Write($"copied {files.Count} images ({sources.Length} real ones) to {folder}");
            return Task.FromResult<IReadOnlyList<string>>(files);
        });

    /// <summary>
    /// 1600x1200 photos, <paramref name="format"/> "jpeg" or "png", made from the large real photos by
    /// <c>benchmarks/pillow/make_photos.py</c>.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PhotosAsync(
        BenchContext context,
        string format,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<string> folders = await context.Workspace.ImageSetAsync("photos", async folder =>
        {
            string script = Path.Combine(context.Settings.RepositoryRoot, "benchmarks", "pillow", "make_photos.py");
            string made = await ProcessRunner.RunAsync(
                Python, [script, context.Settings.ImagesDirectory, folder], context.Log, cancellationToken);
            context.Log.Write($"made {made.Trim()} photos of 1600x1200 as JPEG and PNG in {folder}");
            return [Path.Combine(folder, "jpeg"), Path.Combine(folder, "png")];
        });
        string chosen = format == "jpeg" ? folders[0] : folders[1];
        return Directory.GetFiles(chosen).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The image files of the real-photo folder (not its manifest).</summary>
    public static string[] RealImages(BenchContext context)
    {
        string[] files = ImagePaths.Expand([context.Settings.ImagesDirectory]).ToArray();
        if (files.Length == 0)
        {
            throw new CliException($"No image files in {context.Settings.ImagesDirectory} (see --images).");
        }

        return files;
    }
}
