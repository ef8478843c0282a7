using System.CommandLine;
using Clip.Cli.Commands;
using Clip.Cli.Common;
using Clip.Cli.Curation;
using Pipeline.Processing.Definitions;
using Pipeline.Processing.LabelSets;
using Pipeline.Processing.Moderation;
using Pipeline.Processing.Probes;
using Pipeline.Storage;

namespace Clip.Cli.Definitions;

/// <summary>
/// <c>clip definitions put --db CONN (--label-set FILE | --policy FILE | --probe FILE) [--name NAME]</c>: checks
/// a definition file as a job would use it and stores it, replacing one of the same kind and name.
/// </summary>
internal sealed class DefinitionsPutCommand : ICliCommand
{
    private readonly Option<string> _db = CurationDatabase.Option();

    private readonly Option<FileInfo?> _labelSet = new("--label-set")
    {
        Description = "A label set file (.txt one class per line, or .yaml/.yml/.json).",
        HelpName = "FILE",
    };

    private readonly Option<FileInfo?> _policy = new("--policy")
    {
        Description = "A moderation policy file (JSON).",
        HelpName = "FILE",
    };

    private readonly Option<FileInfo?> _probe = new("--probe")
    {
        Description = "A linear probe file written by clip probe train --data.",
        HelpName = "FILE",
    };

    private readonly Option<string?> _name = new("--name")
    {
        Description = "Store it under this name. Default: the name in the file, else the file's name.",
        HelpName = "NAME",
    };

    private readonly Option<float?> _minProbability = new("--min-probability")
    {
        Description = "For a probe: labels below this probability are not kept. Default: keep the top ones.",
        HelpName = "P",
    };

    public Command Create()
    {
        var command = new Command("put", "Check a label set, policy or probe file and store it by name.")
        {
            _db, _labelSet, _policy, _probe, _name, _minProbability,
        };
        command.SetAction((parse, token) => CommandRunner.RunAsync(parse, t => RunAsync(parse, t), token));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        FileInfo? labelSetFile = parse.GetValue(_labelSet);
        FileInfo? policyFile = parse.GetValue(_policy);
        FileInfo? probeFile = parse.GetValue(_probe);
        if (new[] { labelSetFile, policyFile, probeFile }.Count(f => f is not null) != 1)
        {
            throw new CliException("Give exactly one of --label-set FILE, --policy FILE and --probe FILE.");
        }

        string? name = parse.GetValue(_name);
        float? minProbability = parse.GetValue(_minProbability);
        if (minProbability is not null && probeFile is null)
        {
            throw new CliException("--min-probability applies to a probe only (--probe FILE).");
        }

        await using var database = await CurationDatabase.OpenAsync(parse.GetRequiredValue(_db), cancellationToken);
        var definitions = new StoredDefinitions(database.Storage.Definitions);
        DefinitionKind kind;
        NamedDefinition stored;
        if (labelSetFile is not null)
        {
            var labelSet = LabelSetFile.Load(labelSetFile.FullName);
            kind = DefinitionKind.LabelSet;
            stored = await definitions.SaveLabelSetAsync(
                name is null ? labelSet : labelSet with { Name = name }, cancellationToken);
        }
        else if (policyFile is not null)
        {
            var policy = ModerationPolicyFiles.Load(policyFile.FullName);
            kind = DefinitionKind.Policy;
            stored = await definitions.SavePolicyAsync(
                name is null ? policy : policy with { Name = name }, cancellationToken);
        }
        else
        {
            kind = DefinitionKind.Probe;
            stored = await definitions.SaveProbeAsync(
                LinearProbeFiles.Load(probeFile!.FullName, name, minProbability), cancellationToken);
        }

        await Console.Out.WriteLineAsync(
            $"Stored {DefinitionSummary.Name(kind)} '{stored.Name}': " +
            DefinitionSummary.Describe(kind, stored.DefinitionJson));
        return ExitCodes.Success;
    }
}
