namespace Pipeline.Processing.Hosting;

/// <summary>How the parts of the pipeline talk to each other.</summary>
public enum PipelineMode
{
    /// <summary>One process; MassTransit's in-memory transport. The default.</summary>
    Embedded,

    /// <summary>Any number of processes and machines; MassTransit over RabbitMQ.</summary>
    Distributed,
}
