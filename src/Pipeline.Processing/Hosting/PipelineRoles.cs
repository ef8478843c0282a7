namespace Pipeline.Processing.Hosting;

/// <summary>Which consumers a process hosts.</summary>
[Flags]
public enum PipelineRoles
{
    /// <summary>Lists sources, publishes batches, tracks completions.</summary>
    Orchestrator = 1,

    /// <summary>Embeds batches.</summary>
    Worker = 2,

    /// <summary>Both, as the embedded mode runs.</summary>
    All = Orchestrator | Worker,
}
