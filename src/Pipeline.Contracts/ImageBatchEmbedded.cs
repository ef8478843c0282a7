namespace Pipeline.Contracts;

/// <summary>
/// A worker finished a batch: every image of it has either an embedding or a failure. Completions may arrive
/// twice (redelivery); receivers count each (JobId, BatchIndex) once.
/// </summary>
/// <param name="JobId">The job.</param>
/// <param name="BatchIndex">The batch.</param>
/// <param name="Embedded">Images embedded.</param>
/// <param name="Labelled">Images that received labels.</param>
/// <param name="Failures">Images that failed, with reasons.</param>
/// <param name="Elapsed">Time the worker spent on the batch.</param>
/// <param name="Worker">Name of the worker process, for diagnostics.</param>
public sealed record ImageBatchEmbedded(
    Guid JobId,
    int BatchIndex,
    int Embedded,
    int Labelled,
    IReadOnlyList<ImageFailure> Failures,
    TimeSpan Elapsed,
    string Worker);
