using Clip.Core.Models;
using Clip.Core.Probes;
using Clip.Core.ZeroShot;
using Pipeline.Contracts;
using Pipeline.Processing.Probes;
using Pipeline.Storage.Results;

namespace Pipeline.Processing.Engine;

/// <summary>A linear probe of a job, checked against the model it runs on, that labels embeddings.</summary>
internal sealed class ProbeScorer
{
    private readonly LinearProbe _probe;
    private readonly LinearProbeDefinition _definition;

    private ProbeScorer(LinearProbe probe, LinearProbeDefinition definition)
    {
        _probe = probe;
        _definition = definition;
    }

    /// <summary>
    /// Builds the probe; throws <see cref="InvalidOperationException"/> when it cannot run on
    /// <paramref name="model"/>'s image embeddings.
    /// </summary>
    public static ProbeScorer Create(LinearProbeDefinition definition, ClipModel model)
    {
        string? problem = ProbeChecks.Unrunnable(definition)
            ?? ProbeChecks.ModelMismatch(definition, model.Name, model.Info.ContentHash);
        if (problem is not null)
        {
            throw new InvalidOperationException(problem);
        }

        LinearProbe probe = definition.ToLinearProbe();
        probe.EnsureCompatibleWith(FeatureSource.ImageEmbeddings(model));
        return new ProbeScorer(probe, definition);
    }

    /// <summary>The top <paramref name="topK"/> classes, best first, that reach the minimum probability.</summary>
    public IEnumerable<ImageLabel> Score(ReadOnlySpan<float> embedding, int topK)
    {
        float[] probabilities = _probe.PredictProbabilities(embedding);
        float minimum = _definition.MinProbability ?? 0f;
        return ZeroShotMath.TopK(probabilities, Math.Min(topK, probabilities.Length))
            .Where(c => probabilities[c] >= minimum)
            .Select((c, rank) => new ImageLabel(_definition.Name, _probe.Classes[c], probabilities[c], rank + 1));
    }
}
