namespace Pipeline.Contracts;

/// <summary>Every batch of a job has completed.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Images">Images listed.</param>
/// <param name="Embedded">Images embedded.</param>
/// <param name="Failed">Images that failed.</param>
/// <param name="Elapsed">From submission to the last completion.</param>
public sealed record JobFinished(Guid JobId, int Images, int Embedded, int Failed, TimeSpan Elapsed);
