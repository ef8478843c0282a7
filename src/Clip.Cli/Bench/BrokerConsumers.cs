using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Clip.Cli.Bench;

/// <summary>
/// Who else consumes the pipeline's queues on the broker. The queues are named after the message types, so any
/// worker or orchestrator on the same virtual host takes a share of the bench's batches or completions, and a
/// scale-out figure measured beside them would be wrong.
/// </summary>
internal static class BrokerConsumers
{
    /// <summary>The queues of the worker and orchestrator consumers, as MassTransit names them.</summary>
    public static readonly IReadOnlyList<string> PipelineQueues = ["EmbedImageBatch", "ImageBatchEmbedded"];

    /// <summary>Consumers per pipeline queue that has any; empty when the queues are free (or do not exist yet).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, uint>> FindAsync(
        string rabbitMqUri,
        CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(rabbitMqUri) };
        await using IConnection connection = await factory.CreateConnectionAsync(cancellationToken);
        var found = new Dictionary<string, uint>(StringComparer.Ordinal);
        foreach (string queue in PipelineQueues)
        {
            // A passive declare of a missing queue closes the channel, so each queue gets its own.
            await using IChannel channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                QueueDeclareOk declared = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
                if (declared.ConsumerCount > 0)
                {
                    found[queue] = declared.ConsumerCount;
                }
            }
            catch (OperationInterruptedException)
            {
                // No such queue: nobody consumes it.
            }
        }

        return found;
    }
}
