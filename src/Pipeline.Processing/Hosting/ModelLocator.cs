namespace Pipeline.Processing.Hosting;

/// <summary>Finds the embedded default model, <c>models/clip-mini</c>, beside the program or above it.</summary>
public static class ModelLocator
{
    /// <summary>The default model folder, relative to the repository or the installed program.</summary>
    public const string DefaultRelativePath = "models/clip-mini";

    /// <summary>
    /// The first <c>models/clip-mini</c> in the program's folder or a folder above it; the relative path itself
    /// when there is none, so that the error names what was looked for.
    /// </summary>
    public static string FindDefault()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, DefaultRelativePath);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return DefaultRelativePath;
    }
}
