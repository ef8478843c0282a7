using Pipeline.Contracts;

namespace Pipeline.Processing.Hosting;

/// <summary>What a finished job did.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Images">Images listed.</param>
/// <param name="Embedded">Images embedded.</param>
/// <param name="Labelled">Images that received labels.</param>
/// <param name="Failures">Images that failed, with reasons.</param>
/// <param name="Elapsed">Wall time from submission to the last completion.</param>
public sealed record JobRunSummary(
    Guid JobId,
    int Images,
    int Embedded,
    int Labelled,
    IReadOnlyList<ImageFailure> Failures,
    TimeSpan Elapsed)
{
    /// <summary>Images per second over the whole job.</summary>
    public double ImagesPerSecond => Elapsed.TotalSeconds > 0 ? Images / Elapsed.TotalSeconds : 0;
}
