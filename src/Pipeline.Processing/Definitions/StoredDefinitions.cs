using Pipeline.Contracts;
using Pipeline.Processing.LabelSets;
using Pipeline.Processing.Moderation;
using Pipeline.Processing.Probes;
using Pipeline.Storage;
using Pipeline.Storage.Postgres;

namespace Pipeline.Processing.Definitions;

/// <summary>
/// Label sets, moderation policies and linear probes stored by name in PostgreSQL, checked as they are stored and
/// again as a job refers to them, so that a job only ever carries definitions a worker can score.
/// </summary>
public sealed class StoredDefinitions
{
    private const string ToStore = "the definition to store";
    private const string Stored = "the stored definitions";

    private readonly DefinitionRepository _repository;

    /// <summary>Creates the store over the definition tables.</summary>
    public StoredDefinitions(DefinitionRepository repository)
    {
        _repository = repository;
    }

    /// <summary>Stores a label set under its name; throws <see cref="FormatException"/> when it is unusable.</summary>
    public Task<NamedDefinition> SaveLabelSetAsync(LabelSetDefinition labelSet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labelSet);
        LabelSetFile.Validate(labelSet, ToStore);
        DefinitionNames.Check(labelSet.Name, "label set");
        return _repository.SaveLabelSetAsync(labelSet.Name, DefinitionJson.Serialize(labelSet), cancellationToken);
    }

    /// <summary>Stores a policy under its name; throws <see cref="FormatException"/> when it is unusable.</summary>
    public Task<NamedDefinition> SavePolicyAsync(ModerationPolicyDefinition policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ModerationPolicyFiles.Validate(policy, ToStore);
        DefinitionNames.Check(policy.Name, "moderation policy");
        return _repository.SavePolicyAsync(policy.Name, DefinitionJson.Serialize(policy), cancellationToken);
    }

    /// <summary>
    /// Stores a linear probe under its name; throws <see cref="FormatException"/> when it cannot run as a job task
    /// (see <see cref="ProbeChecks.Unrunnable"/>).
    /// </summary>
    public Task<NamedDefinition> SaveProbeAsync(LinearProbeDefinition probe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (ProbeChecks.Unrunnable(probe) is { } problem)
        {
            throw new FormatException(problem);
        }

        DefinitionNames.Check(probe.Name, "linear probe");
        return _repository.SaveProbeAsync(probe.Name, DefinitionJson.Serialize(probe), cancellationToken);
    }

    /// <summary>
    /// Looks up the named definitions. A name that is not stored, or whose stored definition cannot be scored, is a
    /// problem of its request field; the others are returned named as asked for.
    /// </summary>
    public async Task<ResolvedDefinitions> ResolveAsync(
        IReadOnlyList<string>? labelSetNames,
        IReadOnlyList<string>? policyNames,
        IReadOnlyList<string>? probeNames,
        CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var labelSets = await FindAllAsync(labelSetNames, new("labelSetNames", "label set"),
            _repository.FindLabelSetAsync, ReadLabelSet, problems, cancellationToken).ConfigureAwait(false);
        var policies = await FindAllAsync(policyNames, new("policyNames", "moderation policy"),
            _repository.FindPolicyAsync, ReadPolicy, problems, cancellationToken).ConfigureAwait(false);
        var probes = await FindAllAsync(probeNames, new("probeNames", "linear probe"),
            _repository.FindProbeAsync, ReadProbe, problems, cancellationToken).ConfigureAwait(false);
        return new ResolvedDefinitions(labelSets, policies, probes,
            problems.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
    }

    private static async Task<List<T>> FindAllAsync<T>(
        IReadOnlyList<string>? names,
        (string Field, string Kind) what,
        Func<string, CancellationToken, Task<NamedDefinition?>> find,
        Func<NamedDefinition, string, T> read,
        Dictionary<string, List<string>> problems,
        CancellationToken cancellationToken)
    {
        var found = new List<T>();
        foreach (string name in (names ?? []).Distinct(StringComparer.Ordinal))
        {
            NamedDefinition? stored = string.IsNullOrWhiteSpace(name)
                ? null
                : await find(name, cancellationToken).ConfigureAwait(false);
            try
            {
                if (stored is null)
                {
                    throw new FormatException($"No {what.Kind} named '{name}' is stored.");
                }

                found.Add(read(stored, $"The {what.Kind} '{name}'"));
            }
            catch (FormatException e)
            {
                if (!problems.TryGetValue(what.Field, out List<string>? list))
                {
                    problems[what.Field] = list = [];
                }

                list.Add(e.Message);
            }
        }

        return found;
    }

    // The row's name wins over the one inside the definition: labels are stored under the name the job used.
    private static LabelSetDefinition ReadLabelSet(NamedDefinition stored, string where) =>
        LabelSetFile.Validate(DefinitionJson.Deserialize<LabelSetDefinition>(stored.DefinitionJson, where), Stored)
            with { Name = stored.Name };

    private static ModerationPolicyDefinition ReadPolicy(NamedDefinition stored, string where) =>
        ModerationPolicyFiles.Validate(
            DefinitionJson.Deserialize<ModerationPolicyDefinition>(stored.DefinitionJson, where), Stored)
            with { Name = stored.Name };

    private static LinearProbeDefinition ReadProbe(NamedDefinition stored, string where)
    {
        var probe = DefinitionJson.Deserialize<LinearProbeDefinition>(stored.DefinitionJson, where)
            with { Name = stored.Name };
        return ProbeChecks.Unrunnable(probe) is { } problem ? throw new FormatException(problem) : probe;
    }
}
