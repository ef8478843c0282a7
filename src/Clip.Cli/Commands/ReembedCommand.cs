using System.CommandLine;
using Clip.Cli.Common;
using Clip.Cli.Curation;
using MassTransit;
using Pipeline.Processing.Curation;

namespace Clip.Cli.Commands;

/// <summary>
/// <c>clip reembed --db CONN --model NAME --broker AMQP [--batch-size N]</c>: submits a re-embedding job for the
/// stored images that lack an embedding of the model, to the orchestrator listening on the broker.
/// </summary>
internal sealed class ReembedCommand : ICliCommand
{
    private readonly Option<string> _db = CurationDatabase.Option();

    private readonly Option<string> _model = new("--model", "-m")
    {
        Description = "Name of the registered model to embed with (a worker must serve it).",
        HelpName = "NAME",
        Required = true,
    };

    private readonly Option<string> _broker = new("--broker")
    {
        Description = "RabbitMQ address of the orchestrator, such as amqp://user:password@host:5672/vhost.",
        HelpName = "AMQP",
        Required = true,
    };

    private readonly Option<int> _batchSize = new("--batch-size")
    {
        Description = "Images per batch.",
        DefaultValueFactory = _ => new ReembedOptions().BatchSize,
    };

    public Command Create()
    {
        var command = new Command("reembed", "Embed the stored images that lack an embedding of a model.")
        {
            _db, _model, _broker, _batchSize,
        };
        command.SetAction((parse, token) => CommandRunner.RunAsync(parse, t => RunAsync(parse, t), token));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var options = new ReembedOptions { BatchSize = parse.GetValue(_batchSize) };
        options.Validate();
        if (!Uri.TryCreate(parse.GetRequiredValue(_broker), UriKind.Absolute, out Uri? broker)
            || broker.Scheme is not ("amqp" or "amqps"))
        {
            throw new CliException("--broker must be an amqp:// address.");
        }

        await using var database = await CurationDatabase.OpenAsync(parse.GetRequiredValue(_db), cancellationToken);
        IBusControl bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(broker));
        await bus.StartAsync(cancellationToken);
        try
        {
            var starter = new ReembedStarter(database.Store, bus, options, TimeProvider.System);
            ReembedStart start = await starter.StartAsync(parse.GetRequiredValue(_model), cancellationToken);
            await Console.Out.WriteLineAsync(start.Outcome switch
            {
                ReembedOutcome.Started => $"started job {start.JobId} for {start.Images} images ({start.Model}); " +
                    $"follow it with: clip jobs --db ... --id {start.JobId}",
                ReembedOutcome.AlreadyRunning => $"a re-embedding with {start.Model} is under way; nothing started",
                _ => $"every stored image has an embedding of {start.Model}; nothing to do",
            });
            return ExitCodes.Success;
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }
}
