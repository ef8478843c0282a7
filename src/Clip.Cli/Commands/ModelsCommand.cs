using System.CommandLine;
using Clip.Cli.Common;
using Clip.Cli.Curation;
using Pipeline.Storage;

namespace Clip.Cli.Commands;

/// <summary>
/// <c>clip models --db CONN [list | register DIR | activate NAME [VERSION] | rollback | history]</c>: the model
/// registry. Activation and rollback each switch the model that queries use in one transaction, recorded in
/// <c>models_history</c>.
/// </summary>
internal sealed class ModelsCommand : ICliCommand
{
    private readonly Option<string?> _db = new("--db")
    {
        Description = "PostgreSQL connection string of the result store.",
        HelpName = "CONNECTION",
        Recursive = true,
    };

    private readonly Argument<DirectoryInfo> _folder = new("DIR") { Description = "The model folder." };
    private readonly Argument<string> _name = new("NAME") { Description = "Registered model name." };

    private readonly Argument<string?> _version = new("VERSION")
    {
        Description = "Registered version. Default: the latest of NAME.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Command Create()
    {
        var command = new Command("models", "List, register, activate and roll back the models of the registry.")
        {
            _db,
        };
        command.SetAction((p, t) => Run(p, (db, ct) => ModelRegistryActions.ListAsync(db, Console.Out, ct), t));
        command.Subcommands.Add(Sub("list", "List registered models; * marks the active one.",
            (p, db, ct) => ModelRegistryActions.ListAsync(db, Console.Out, ct)));
        command.Subcommands.Add(Sub("register", "Register a model folder (name, version, file hash, size).",
            (p, db, ct) => ModelRegistryActions.RegisterAsync(db, p.GetRequiredValue(_folder), Console.Out, ct),
            _folder));
        command.Subcommands.Add(Sub("activate", "Make a model the one queries use (undo with rollback).",
            (p, db, ct) => ModelRegistryActions.ActivateAsync(db, p.GetRequiredValue(_name), p.GetValue(_version),
                Console.Out, ct),
            _name, _version));
        command.Subcommands.Add(Sub("rollback", "Make the model active before the latest activation active again.",
            (p, db, ct) => ModelRegistryActions.RollbackAsync(db, Console.Out, ct)));
        command.Subcommands.Add(Sub("history", "Show the latest changes of the active model.",
            (p, db, ct) => ModelRegistryActions.HistoryAsync(db, Console.Out, ct)));
        return command;
    }

    private Command Sub(
        string name,
        string description,
        Func<ParseResult, CurationDatabase, CancellationToken, Task> action,
        params Argument[] arguments)
    {
        var sub = new Command(name, description);
        foreach (Argument argument in arguments)
        {
            sub.Arguments.Add(argument);
        }

        sub.SetAction((p, t) => Run(p, (db, ct) => action(p, db, ct), t));
        return sub;
    }

    private Task<int> Run(
        ParseResult parse,
        Func<CurationDatabase, CancellationToken, Task> action,
        CancellationToken token) =>
        CommandRunner.RunAsync(parse, async ct =>
        {
            string db = parse.GetValue(_db) ?? throw new CliException("--db is required.");
            await using var database = await CurationDatabase.OpenAsync(db, ct);
            await action(database, ct);
            return ExitCodes.Success;
        }, token);
}
