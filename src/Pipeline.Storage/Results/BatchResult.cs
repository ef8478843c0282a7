namespace Pipeline.Storage.Results;

/// <summary>All results of one batch of a job, written together.</summary>
/// <param name="JobId">The job.</param>
/// <param name="BatchIndex">The batch; (JobId, BatchIndex) makes a write idempotent.</param>
/// <param name="ModelName">The model that made the embeddings.</param>
/// <param name="Images">One result per image of the batch, in the batch's order.</param>
public sealed record BatchResult(Guid JobId, int BatchIndex, string ModelName, IReadOnlyList<ImageResult> Images);
