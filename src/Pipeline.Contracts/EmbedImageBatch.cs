namespace Pipeline.Contracts;

/// <summary>A batch of images for a worker to fetch, decode, embed and label.</summary>
/// <param name="JobId">The job the batch belongs to.</param>
/// <param name="BatchIndex">Position of the batch in the job, from 0; (JobId, BatchIndex) identifies it.</param>
/// <param name="Source">The job's source (folder path or container URL), so any worker can read the images.</param>
/// <param name="ModelName">The model to embed with.</param>
/// <param name="Images">The images of the batch.</param>
/// <param name="Tasks">What to do besides embedding.</param>
public sealed record EmbedImageBatch(
    Guid JobId,
    int BatchIndex,
    string Source,
    string ModelName,
    IReadOnlyList<ImageReference> Images,
    JobTasks Tasks);
