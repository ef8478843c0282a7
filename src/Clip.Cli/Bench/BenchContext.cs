namespace Clip.Cli.Bench;

/// <summary>What every stage shares: the settings, the progress log and the temporary workspace.</summary>
internal sealed class BenchContext(BenchSettings settings, BenchLog log, BenchWorkspace workspace)
{
    private const string RandomTestModel = "tiny-clip";

    public BenchSettings Settings { get; } = settings;

    public BenchLog Log { get; } = log;

    public BenchWorkspace Workspace { get; } = workspace;

    /// <summary>The models the model-bound stages run: the main one, then the ViT-B/32-shaped one if given.</summary>
    public IEnumerable<string> Models =>
        Settings.B32Directory is null ? [Settings.ModelDirectory] : [Settings.ModelDirectory, Settings.B32Directory];

    /// <summary>
    /// True for the models known to have random weights: the ViT-B/32-shaped one (<c>--model-b32</c>, made by
    /// <c>benchmarks/models/make_vit_b32.py</c> with random weights) and the <c>tiny-clip</c> test fixture. Any other
    /// model folder, such as the default clip-mini, is taken as trained.
    /// </summary>
    public bool HasRandomWeights(string modelDirectory) =>
        modelDirectory == Settings.B32Directory
        || Path.GetFileName(Path.TrimEndingDirectorySeparator(modelDirectory)) == RandomTestModel;
}
