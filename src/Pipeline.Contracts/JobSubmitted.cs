namespace Pipeline.Contracts;

/// <summary>A job was accepted: the orchestrator lists the source and publishes its batches.</summary>
/// <param name="JobId">Identity of the job.</param>
/// <param name="Source">A local folder path or a blob container URL with an optional prefix.</param>
/// <param name="ModelName">The model the images are embedded with.</param>
/// <param name="Tasks">What to do besides embedding.</param>
/// <param name="BatchSize">Images per batch message.</param>
/// <param name="SubmittedAt">When the job was accepted.</param>
public sealed record JobSubmitted(
    Guid JobId,
    string Source,
    string ModelName,
    JobTasks Tasks,
    int BatchSize,
    DateTimeOffset SubmittedAt);
