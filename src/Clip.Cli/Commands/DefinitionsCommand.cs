using System.CommandLine;
using Clip.Cli.Definitions;

namespace Clip.Cli.Commands;

/// <summary>
/// <c>clip definitions put|list --db CONN</c>: label sets, moderation policies and linear probes stored by name in
/// PostgreSQL, which jobs submitted to the orchestrator refer to by name.
/// </summary>
internal sealed class DefinitionsCommand : ICliCommand
{
    public Command Create() => new(
        "definitions",
        "Store label sets, moderation policies and linear probes by name for jobs to refer to, or list them.")
    {
        new DefinitionsPutCommand().Create(),
        new DefinitionsListCommand().Create(),
    };
}
