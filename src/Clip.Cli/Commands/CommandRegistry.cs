using System.CommandLine;
using Clip.Cli.Common;

namespace Clip.Cli.Commands;

/// <summary>The subcommands of <c>clip</c>. Adding a command is adding one class and one line here.</summary>
internal static class CommandRegistry
{
    /// <summary>Every subcommand, in the order help lists them.</summary>
    public static IReadOnlyList<ICliCommand> Commands { get; } =
    [
        new RunCommand(),
        new TokenizeCommand(),
        new PreprocessCommand(),
        new EmbedCommand(),
        new ClassifyCommand(),
        new ModerateCommand(),
        new ProbeCommand(),
        new EvalCommand(),
        new SearchCommand(),
        new DuplicatesCommand(),
        new JobsCommand(),
        new DefinitionsCommand(),
        new ModelsCommand(),
        new ReembedCommand(),
        new BenchCommand(),
    ];

    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand(
            "CLIP for large image collections: run labeling jobs, classify, moderate, search, curate, evaluate. " +
            $"Exit codes: {ExitCodes.Success} success, {ExitCodes.Failure} failure, " +
            $"{ExitCodes.SomeInputsFailed} some inputs failed (each has an error line).");
        root.Options.Add(CommonOptions.Verbose);
        foreach (ICliCommand command in Commands)
        {
            root.Subcommands.Add(command.Create());
        }

        return root;
    }
}
