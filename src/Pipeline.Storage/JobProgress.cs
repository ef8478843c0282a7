namespace Pipeline.Storage;

/// <summary>A job's state and counters.</summary>
/// <param name="Definition">What the job was submitted with.</param>
/// <param name="State">Current state.</param>
/// <param name="ListingComplete">Whether every batch of the source is recorded; until then the totals grow.</param>
/// <param name="BatchCount">Batches recorded so far.</param>
/// <param name="BatchesDone">Batches completed, each counted once however often it was delivered.</param>
/// <param name="BatchesFailed">Batches that failed as a whole.</param>
/// <param name="ImagesTotal">Images in the recorded batches.</param>
/// <param name="ImagesDone">Images processed in completed batches.</param>
/// <param name="ImagesFailed">Images with an error in completed batches.</param>
/// <param name="CreatedAt">When the job was recorded.</param>
/// <param name="UpdatedAt">When the job last changed.</param>
public sealed record JobProgress(
    JobDefinition Definition,
    JobState State,
    bool ListingComplete,
    int BatchCount,
    int BatchesDone,
    int BatchesFailed,
    long ImagesTotal,
    long ImagesDone,
    long ImagesFailed,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
