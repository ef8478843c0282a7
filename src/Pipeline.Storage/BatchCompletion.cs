namespace Pipeline.Storage;

/// <summary>The outcome of reporting a batch as completed or failed.</summary>
/// <param name="Counted">False when the batch had already reached that state, so nothing was counted again.</param>
/// <param name="Job">The job's progress after the report.</param>
public sealed record BatchCompletion(bool Counted, JobProgress Job);
