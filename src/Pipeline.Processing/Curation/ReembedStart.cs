namespace Pipeline.Processing.Curation;

/// <summary>The result of an attempt to start a re-embedding.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Model">Name of the model.</param>
/// <param name="JobId">The submitted job, when one was started.</param>
/// <param name="Images">Images in the job's snapshot, when one was started.</param>
public sealed record ReembedStart(ReembedOutcome Outcome, string Model, Guid? JobId, int Images);
