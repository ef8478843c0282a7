using Clip.Core.ZeroShot;
using Pipeline.Contracts;
using Pipeline.Processing.Definitions;
using Pipeline.Processing.LabelSets;
using Pipeline.Processing.Moderation;
using Pipeline.Processing.Probes;
using Pipeline.Storage;

namespace Pipeline.Orchestrator;

/// <summary>
/// Builds a job's tasks from its request: the definitions given whole, and those named, looked up in PostgreSQL,
/// so that workers get every definition whole. Linear probes are checked against the job's model here, where it is
/// known, so that a job that is accepted can be labelled.
/// </summary>
internal static class JobTaskBuilder
{
    /// <summary>The tasks; what is wrong is added to <paramref name="problems"/> by request field.</summary>
    public static async Task<JobTasks> BuildAsync(
        SubmitJobRequest request,
        int topK,
        ModelRecord model,
        StoredDefinitions definitions,
        Dictionary<string, string[]> problems,
        CancellationToken cancellationToken)
    {
        ResolvedDefinitions named = await definitions.ResolveAsync(
            request.LabelSetNames, request.PolicyNames, request.ProbeNames, cancellationToken);
        foreach (var (field, messages) in named.Problems)
        {
            problems[field] = messages;
        }

        // Inline definitions are stored as the job is recorded, so they are checked as strictly as stored ones.
        List<LabelSetDefinition> labelSets = [.. Checked(request.LabelSets, "labelSets", ReadyLabelSet, problems)];
        labelSets.AddRange(named.LabelSets);
        try
        {
            if (request.Labels is { Count: > 0 } names)
            {
                labelSets.Add(LabelSetFile.FromNames("labels", names));
            }
        }
        catch (FormatException e)
        {
            Add(problems, "labels", e.Message);
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (string twice in labelSets.Select(s => s.Name).Where(name => !taken.Add(name)).Distinct())
        {
            Add(problems, "labelSets", $"The label set '{twice}' is given more than once (inline, by name or as " +
                "labels); labels are stored under its name, so each label set of a job needs its own.");
        }

        var inline = request.Probes ?? [];
        CheckProbes(inline, "probes", model, taken, problems);
        CheckProbes(named.Probes, "probeNames", model, taken, problems);
        List<ModerationPolicyDefinition> policies =
            [.. Checked(request.Policies, "policies", ModerationPolicyFiles.Validate, problems), .. named.Policies];
        foreach (string twice in policies.GroupBy(p => p.Name, StringComparer.Ordinal)
            .Where(g => g.Count() > 1).Select(g => g.Key))
        {
            Add(problems, "policies", $"The moderation policy '{twice}' is given more than once (inline and by " +
                "name); scores are stored under its name, so each policy of a job needs its own.");
        }

        return new JobTasks(labelSets, topK, policies, [.. inline, .. named.Probes]);
    }

    private static List<T> Checked<T>(
        IReadOnlyList<T>? definitions,
        string field,
        Func<T, string, T> check,
        Dictionary<string, string[]> problems)
    {
        var usable = new List<T>();
        foreach (T definition in definitions ?? [])
        {
            try
            {
                usable.Add(check(definition ?? throw new FormatException($"The request's {field} holds a null."),
                    $"the request's {field}"));
            }
            catch (FormatException e)
            {
                Add(problems, field, e.Message);
            }
        }

        return usable;
    }

    // A label set written as JSON without a template set gets the one a label set file gets.
    private static LabelSetDefinition ReadyLabelSet(LabelSetDefinition set, string where) =>
        LabelSetFile.Validate(set, where) is { TemplateSet: null } unset
            ? unset with { TemplateSet = PromptTemplates.DefaultName }
            : set;

    private static void CheckProbes(
        IReadOnlyList<LinearProbeDefinition> probes,
        string field,
        ModelRecord model,
        HashSet<string> taken,
        Dictionary<string, string[]> problems)
    {
        foreach (LinearProbeDefinition probe in probes)
        {
            string? problem = ProbeChecks.Unrunnable(probe)
                ?? ProbeChecks.ModelMismatch(probe, model.Name, model.FileHash)
                ?? ProbeChecks.DimensionMismatch(probe, model.Name, model.EmbeddingDim);
            if (problem is null && !taken.Add(probe.Name))
            {
                problem = $"The linear probe '{probe.Name}' has the name of another label set or probe of this " +
                    "job; labels are stored under these names, so each needs its own.";
            }

            if (problem is not null)
            {
                Add(problems, field, problem);
            }
        }
    }

    private static void Add(Dictionary<string, string[]> problems, string field, string message) =>
        problems[field] = [.. problems.GetValueOrDefault(field) ?? [], message];
}
