namespace Clip.Cli.Bench;

/// <summary>One stage of <c>clip bench</c>: measures one part of the product and returns its tables.</summary>
internal interface IBenchStage
{
    /// <summary>The stage's name in <c>--stages</c>.</summary>
    string Name { get; }

    Task<IReadOnlyList<BenchTable>> RunAsync(BenchContext context, CancellationToken cancellationToken);
}
