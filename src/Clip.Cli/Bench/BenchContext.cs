namespace Clip.Cli.Bench;

/// <summary>What every stage shares: the settings, the progress log and the temporary workspace.</summary>
internal sealed class BenchContext(BenchSettings settings, BenchLog log, BenchWorkspace workspace)
{
    public BenchSettings Settings { get; } = settings;

    public BenchLog Log { get; } = log;

    public BenchWorkspace Workspace { get; } = workspace;

    /// <summary>The models the model-bound stages run: the main one, then the ViT-B/32-shaped one if given.</summary>
    public IEnumerable<string> Models =>
        Settings.B32Directory is null ? [Settings.ModelDirectory] : [Settings.ModelDirectory, Settings.B32Directory];
}
