namespace Pipeline.Storage;

/// <summary>A recorded batch of a job.</summary>
/// <param name="JobId">Job the batch belongs to.</param>
/// <param name="Index">Position of the batch in the job's listing.</param>
/// <param name="State">Current state.</param>
/// <param name="ImageCount">Number of images in the batch.</param>
/// <param name="DoneCount">Images processed, once completed.</param>
/// <param name="FailedCount">Images with an error, once completed.</param>
/// <param name="Reason">Why the batch failed as a whole, when it did.</param>
public sealed record BatchRecord(
    Guid JobId,
    int Index,
    BatchState State,
    int ImageCount,
    int DoneCount,
    int FailedCount,
    string? Reason);
