using System.CommandLine;

namespace Clip.Cli.Commands;

/// <summary>One subcommand of <c>clip</c>; <see cref="CommandRegistry"/> lists them all.</summary>
internal interface ICliCommand
{
    /// <summary>Builds the command with its options, arguments and action.</summary>
    Command Create();
}
