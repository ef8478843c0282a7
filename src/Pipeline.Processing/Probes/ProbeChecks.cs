using Pipeline.Contracts;

namespace Pipeline.Processing.Probes;

/// <summary>
/// Whether a linear probe can run as a job task: on plain image embeddings, with a usable shape, and on the
/// model the job runs. Each check returns a sentence a person can act on, or null when all is well.
/// </summary>
public static class ProbeChecks
{
    /// <summary>
    /// Why <paramref name="probe"/> cannot run on any job: it was trained on other features than image embeddings
    /// (a meme probe needs each image's text), its shape is wrong, or its minimum probability is out of range.
    /// </summary>
    public static string? Unrunnable(LinearProbeDefinition probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (string.IsNullOrWhiteSpace(probe.Name))
        {
            return "A linear probe needs a name: its labels are stored under it.";
        }

        if (!string.Equals(probe.Features, LinearProbeDefinition.ImageFeatures, StringComparison.Ordinal))
        {
            return $"The linear probe '{probe.Name}' was trained on '{probe.Features}' features, not on image " +
                $"embeddings ('{LinearProbeDefinition.ImageFeatures}'); a job has only the images, so only " +
                "probes trained with clip probe train --data can run as a job task.";
        }

        if (probe.MinProbability is { } min && !(min >= 0f && min <= 1f))
        {
            return $"The minimum probability of the linear probe '{probe.Name}' must be from 0 to 1, not {min}.";
        }

        try
        {
            probe.ToLinearProbe();
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// Why <paramref name="probe"/> does not apply to embeddings of the model named <paramref name="modelName"/>
    /// with content hash <paramref name="modelContentHash"/>: it was trained for a model of another name or other
    /// weights.
    /// </summary>
    public static string? ModelMismatch(LinearProbeDefinition probe, string modelName, string modelContentHash)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (string.Equals(probe.ModelName, modelName, StringComparison.Ordinal)
            && string.Equals(probe.ModelContentHash, modelContentHash, StringComparison.Ordinal))
        {
            return null;
        }

        return $"The linear probe '{probe.Name}' was trained for model '{probe.ModelName}' (content hash " +
            $"{Short(probe.ModelContentHash)}), but the job runs model '{modelName}' (content hash " +
            $"{Short(modelContentHash)}); train the probe on embeddings of that model.";
    }

    /// <summary>
    /// Why <paramref name="probe"/> cannot score embeddings of <paramref name="dimension"/> floats from the model
    /// named <paramref name="modelName"/>: its weight rows are of another length.
    /// </summary>
    public static string? DimensionMismatch(LinearProbeDefinition probe, string modelName, int dimension)
    {
        ArgumentNullException.ThrowIfNull(probe);
        int rowLength = probe.Weights is { Count: > 0 } rows && rows[0] is { } first ? first.Count : 0;
        return rowLength == dimension
            ? null
            : $"The linear probe '{probe.Name}' takes embeddings of {rowLength} floats, but model '{modelName}' " +
                $"gives {dimension}; train the probe on embeddings of that model.";
    }

    private static string Short(string? hash) =>
        hash is null ? "none" : hash.Length > 12 ? hash[..12] + "…" : hash;
}
