using Pipeline.Contracts;
using Pipeline.Processing.Definitions;
using Pipeline.Processing.LabelSets;
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

        List<LabelSetDefinition> labelSets = [.. request.LabelSets ?? [], .. named.LabelSets];
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

        var taken = new HashSet<string>(labelSets.Select(s => s.Name), StringComparer.Ordinal);
        var inline = request.Probes ?? [];
        CheckProbes(inline, "probes", model, taken, problems);
        CheckProbes(named.Probes, "probeNames", model, taken, problems);
        return new JobTasks(labelSets, topK, [.. request.Policies ?? [], .. named.Policies],
            [.. inline, .. named.Probes]);
    }

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
                ?? ProbeChecks.ModelMismatch(probe, model.Name, model.FileHash);
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
