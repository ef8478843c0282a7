namespace Clip.Cli.Common;

/// <summary>Finds the model folder a command runs: the one given, or the product's embedded default model.</summary>
internal static class DefaultModel
{
    /// <summary>Where the embedded default model lives, relative to the repository or the installed tool.</summary>
    public const string RelativePath = "models/clip-mini";

    /// <summary>
    /// <paramref name="given"/> when set, else the nearest <see cref="RelativePath"/> at or above the executable.
    /// </summary>
    public static string Resolve(DirectoryInfo? given)
    {
        if (given is not null)
        {
            return given.FullName;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory);
             directory is not null;
             directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, RelativePath);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new CliException(
            $"No --model given, and no {RelativePath} folder in {AppContext.BaseDirectory} or above it.");
    }
}
