using Clip.Core.Evaluation;
using Clip.Core.Probes;

namespace Clip.Core.Moderation;

/// <summary>
/// Hateful-meme detection measured as the Hateful Memes challenge does (ROC-AUC first, then accuracy), zero-shot
/// with a <see cref="ModerationScorer"/> and with a <see cref="LinearProbe"/> on <see cref="MemeFeatures"/>.
/// </summary>
public static class HatefulMemesBenchmark
{
    /// <summary>The threshold accuracy is measured at unless told otherwise.</summary>
    public const float DefaultThreshold = 0.5f;

    /// <summary>Each meme's zero-shot score (the policy decides whether the printed text counts).</summary>
    public static float[] ZeroShotScores(ModerationScorer scorer, HatefulMemeEmbeddings memes)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(memes);
        return Enumerable.Range(0, memes.Memes.Count)
            .Select(i => scorer.Score(memes.Images[i], memes.Texts[i]).Score)
            .ToArray();
    }

    /// <summary>ROC-AUC and accuracy of the zero-shot scores against the labels.</summary>
    public static BinaryEvaluation ZeroShot(
        ModerationScorer scorer,
        HatefulMemeEmbeddings memes,
        float threshold = DefaultThreshold) =>
        BinaryEvaluation.Compute(ZeroShotScores(scorer, memes), memes.Labels(), threshold);

    /// <summary>Trains a probe on the labelled memes of <paramref name="training"/>.</summary>
    public static LinearProbeTrainingResult TrainProbe(
        HatefulMemeEmbeddings training,
        LinearProbeOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        return LinearProbeTrainer.Train(training.ToProbeData(), training.ProbeSource, options, cancellationToken);
    }

    /// <summary>
    /// Each meme's probability of the <see cref="HatefulMemeEmbeddings.HatefulClass"/> under
    /// <paramref name="probe"/>, after checking the probe was trained on meme features of the same model.
    /// </summary>
    public static float[] ProbeScores(LinearProbe probe, HatefulMemeEmbeddings memes)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(memes);
        probe.EnsureCompatibleWith(memes.ProbeSource);
        int hateful = probe.Classes.ToList().IndexOf(HatefulMemeEmbeddings.HatefulClass);
        if (hateful < 0)
        {
            throw new InvalidOperationException(
                $"The probe has no class '{HatefulMemeEmbeddings.HatefulClass}'; it is not a hateful-meme probe.");
        }

        var features = MemeFeatures.Combine(memes.Images, memes.Texts);
        return Enumerable.Range(0, features.Count)
            .Select(i => probe.PredictProbabilities(features[i])[hateful])
            .ToArray();
    }

    /// <summary>ROC-AUC and accuracy of the probe's scores against the labels.</summary>
    public static BinaryEvaluation EvaluateProbe(
        LinearProbe probe,
        HatefulMemeEmbeddings memes,
        float threshold = DefaultThreshold) =>
        BinaryEvaluation.Compute(ProbeScores(probe, memes), memes.Labels(), threshold);
}
