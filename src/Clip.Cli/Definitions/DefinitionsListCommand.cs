using System.CommandLine;
using System.Globalization;
using Clip.Cli.Commands;
using Clip.Cli.Common;
using Clip.Cli.Curation;
using Pipeline.Storage;

namespace Clip.Cli.Definitions;

/// <summary>
/// <c>clip definitions list --db CONN</c>: every stored label set, policy and linear probe, one line each with
/// what it holds.
/// </summary>
internal sealed class DefinitionsListCommand : ICliCommand
{
    private readonly Option<string> _db = CurationDatabase.Option();

    public Command Create()
    {
        var command = new Command("list", "List the stored label sets, policies and linear probes.") { _db };
        command.SetAction((parse, token) => CommandRunner.RunAsync(parse, t => RunAsync(parse, t), token));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var database = await CurationDatabase.OpenAsync(parse.GetRequiredValue(_db), cancellationToken);
        var repository = database.Storage.Definitions;
        (DefinitionKind Kind, IReadOnlyList<NamedDefinition> Stored)[] all =
        [
            (DefinitionKind.LabelSet, await repository.ListLabelSetsAsync(cancellationToken)),
            (DefinitionKind.Policy, await repository.ListPoliciesAsync(cancellationToken)),
            (DefinitionKind.Probe, await repository.ListProbesAsync(cancellationToken)),
        ];
        TextWriter output = Console.Out;
        await output.WriteLineAsync("kind          name                      updated (UTC)        definition");
        foreach (var (kind, stored) in all)
        {
            foreach (NamedDefinition definition in stored)
            {
                string holds = DefinitionSummary.Describe(kind, definition.DefinitionJson);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{DefinitionSummary.Name(kind),-12}  {definition.Name,-24}  " +
                    $"{definition.UpdatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}  {holds}"));
            }
        }

        return ExitCodes.Success;
    }
}
