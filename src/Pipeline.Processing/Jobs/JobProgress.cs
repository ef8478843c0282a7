namespace Pipeline.Processing.Jobs;

/// <summary>Where a job stands.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Listed">True once the whole source has been listed and every batch published.</param>
/// <param name="TotalImages">Images listed so far.</param>
/// <param name="TotalBatches">Batches published so far.</param>
/// <param name="CompletedBatches">Batches completed (each counted once).</param>
/// <param name="Embedded">Images embedded so far.</param>
/// <param name="Failed">Images failed so far.</param>
/// <param name="StartedAt">When the job was submitted.</param>
public sealed record JobProgress(
    Guid JobId,
    bool Listed,
    int TotalImages,
    int TotalBatches,
    int CompletedBatches,
    int Embedded,
    int Failed,
    DateTimeOffset StartedAt)
{
    /// <summary>True when the job is listed and every batch has completed.</summary>
    public bool IsFinished => Listed && CompletedBatches >= TotalBatches;
}
