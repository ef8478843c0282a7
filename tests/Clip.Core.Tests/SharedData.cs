namespace Clip.Core.Tests;

/// <summary>
/// Locates the reference data folder (CLIP vocabulary, reference tensors, image corpora). It comes from the
/// CLIP_SHARED_DIR environment variable, or else the folder <c>shared</c> beside the repository's root.
/// </summary>
public static class SharedData
{
    public const string EnvironmentVariable = "CLIP_SHARED_DIR";

    private static readonly Lazy<string> Root = new(Locate);

    /// <summary>The reference data folder; throws with a message that says where it was looked for.</summary>
    public static string Directory => Root.Value;

    /// <summary>A path inside the reference data folder.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Directory, .. parts]);

    /// <summary>The repository's root: the nearest folder above the test binaries that holds Pipeline.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"No Pipeline.sln above {AppContext.BaseDirectory}.");
        }
    }

    private static string Locate()
    {
        string? configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        string candidate = string.IsNullOrWhiteSpace(configured)
            ? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"))
            : Path.GetFullPath(configured);

        if (!System.IO.Directory.Exists(Path.Combine(candidate, "clip")))
        {
            throw new InvalidOperationException(
                $"The reference data folder was not found at '{candidate}' (no 'clip' folder inside). " +
                $"Set {EnvironmentVariable} to the folder that holds clip/ and images/.");
        }

        return candidate;
    }
}
