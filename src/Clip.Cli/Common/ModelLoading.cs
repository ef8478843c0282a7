using Clip.Core.Models;

namespace Clip.Cli.Common;

/// <summary>Loads the model a command runs, logging to stderr.</summary>
internal static class ModelLoading
{
    public static ClipModel Load(DirectoryInfo? given, bool verbose) =>
        ClipModel.Load(DefaultModel.Resolve(given), new ClipModelOptions(), new StandardErrorLogger(verbose));
}
