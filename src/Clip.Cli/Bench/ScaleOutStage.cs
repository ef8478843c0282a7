namespace Clip.Cli.Bench;

/// <summary>Placeholder until the distributed stage is written.</summary>
internal sealed class ScaleOutStage : IBenchStage
{
    public string Name => "scaleout";

    public Task<IReadOnlyList<BenchTable>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var table = new BenchTable("Scale-out: not yet measured");
        return Task.FromResult<IReadOnlyList<BenchTable>>([table]);
    }
}
