namespace Pipeline.Storage;

/// <summary>Where a batch is in its life.</summary>
public enum BatchState
{
    /// <summary>Recorded and published, not completed yet.</summary>
    Pending,

    /// <summary>Completed; its results are written.</summary>
    Done,

    /// <summary>Failed as a whole after its retries.</summary>
    Failed,
}
