namespace Pipeline.Storage;

/// <summary>Where a job is in its life.</summary>
public enum JobState
{
    /// <summary>Recorded; no batch yet.</summary>
    Created,

    /// <summary>Batches are recorded and being processed.</summary>
    Running,

    /// <summary>The listing is complete and every batch is done or failed.</summary>
    Completed,

    /// <summary>Stopped by an error of the job as a whole, such as an unreadable source.</summary>
    Failed,

    /// <summary>Stopped on request.</summary>
    Cancelled,
}
