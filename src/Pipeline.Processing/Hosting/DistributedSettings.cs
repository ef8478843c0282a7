using Microsoft.Extensions.Configuration;
using Pipeline.Storage.Postgres;

namespace Pipeline.Processing.Hosting;

/// <summary>
/// The settings a distributed host reads from configuration (appsettings, environment variables such as
/// <c>Messaging__RabbitMq__Uri</c>, or the command line), validated at start with the key's name in each error.
/// </summary>
public sealed class DistributedSettings
{
    /// <summary>Key of the RabbitMQ address.</summary>
    public const string RabbitMqKey = "Messaging:RabbitMq:Uri";

    /// <summary>Key of the blob storage connection string.</summary>
    public const string BlobKey = "Sources:Blob:ConnectionString";

    /// <summary>Key of the model folder.</summary>
    public const string ModelKey = "Model:Directory";

    /// <summary>Configuration key of <see cref="Engine.ClipEngineOptions.ReducedJpegDecoding"/> (default false).
    /// </summary>
    public const string ReducedJpegKey = "ImageDecoding:ReducedJpeg";

    /// <summary>RabbitMQ address, such as <c>amqp://clip:clip@127.0.0.1:55672/clip</c>. Required.</summary>
    public required string RabbitMqUri { get; init; }

    /// <summary>PostgreSQL settings. The connection string is required.</summary>
    public required PostgresStorageOptions Postgres { get; init; }

    /// <summary>Connection string for blob sources; optional.</summary>
    public string? BlobConnectionString { get; init; }

    /// <summary>Pipeline settings (section <c>Pipeline</c>).</summary>
    public required PipelineOptions Pipeline { get; init; }

    /// <summary>Reads and validates the settings.</summary>
    public static DistributedSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string rabbit = configuration[RabbitMqKey] ?? string.Empty;
        if (!Uri.TryCreate(rabbit, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            throw new ArgumentException($"{RabbitMqKey} must be an amqp:// address.");
        }

        var postgres = new PostgresStorageOptions();
        configuration.GetSection(PostgresStorageOptions.SectionName).Bind(postgres);
        if (string.IsNullOrWhiteSpace(postgres.ConnectionString))
        {
            throw new ArgumentException($"{PostgresStorageOptions.SectionName}:ConnectionString is required.");
        }

        var pipeline = new PipelineOptions();
        configuration.GetSection(PipelineOptions.SectionName).Bind(pipeline);
        pipeline.Validate();
        return new DistributedSettings
        {
            RabbitMqUri = rabbit,
            Postgres = postgres,
            BlobConnectionString = configuration[BlobKey],
            Pipeline = pipeline,
        };
    }
}
