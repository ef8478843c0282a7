namespace Pipeline.Processing.Hosting;

/// <summary>How a process joins the pipeline.</summary>
public sealed class PipelineHostOptions
{
    /// <summary>Embedded (default) or distributed.</summary>
    public PipelineMode Mode { get; set; } = PipelineMode.Embedded;

    /// <summary>The consumers this process hosts. Default: all.</summary>
    public PipelineRoles Roles { get; set; } = PipelineRoles.All;

    /// <summary>
    /// RabbitMQ address for the distributed mode, e.g. <c>amqp://user:password@127.0.0.1:5672/vhost</c>.
    /// Required when <see cref="Mode"/> is distributed.
    /// </summary>
    public string? RabbitMqUri { get; set; }

    /// <summary>Connection string for blob sources (Azure Storage or Azurite); optional.</summary>
    public string? BlobConnectionString { get; set; }

    /// <summary>Pipeline settings.</summary>
    public PipelineOptions Pipeline { get; set; } = new();

    /// <summary>Checks the settings; throws naming the first wrong one.</summary>
    public void Validate()
    {
        Pipeline.Validate();
        if (Mode == PipelineMode.Distributed && !Uri.TryCreate(RabbitMqUri, UriKind.Absolute, out _))
        {
            throw new ArgumentException("RabbitMqUri must be an amqp:// address in the distributed mode.");
        }

        if (Roles == 0)
        {
            throw new ArgumentException("Roles must name at least one role.");
        }
    }
}
