using Clip.Cli.Common;
using Clip.Core.Models;
using Clip.Core.Moderation;
using Clip.Core.Probes;

namespace Clip.Cli.Evaluation;

/// <summary>
/// Scores an image (and the text printed on it) for <c>clip moderate</c>: zero-shot with the policy's prompts, or
/// with a trained probe whose positive class's probability is judged by the policy's thresholds.
/// </summary>
internal sealed class ModerationJudge
{
    private readonly ModerationPolicy _policy;
    private readonly ModerationScorer? _scorer;
    private readonly LinearProbe? _probe;
    private readonly int _positive;

    private ModerationJudge(ModerationPolicy policy, ModerationScorer? scorer, LinearProbe? probe, int positive)
    {
        _policy = policy;
        _scorer = scorer;
        _probe = probe;
        _positive = positive;
    }

    /// <summary>"zero-shot" or "probe", as written in each line.</summary>
    public string Kind => _probe is null ? "zero-shot" : "probe";

    /// <summary>Whether the judge needs each image's text: a meme probe does.</summary>
    public bool NeedsText => _probe?.Source.Features == MemeFeatures.FeatureKind;

    /// <summary>A zero-shot judge for <paramref name="policy"/>.</summary>
    public static ModerationJudge ZeroShot(ClipModel model, ModerationPolicy policy, CancellationToken token) =>
        new(policy, ModerationScorer.Create(model, policy, token), null, -1);

    /// <summary>
    /// A judge that applies <paramref name="probe"/>, trained on image embeddings or on meme features of
    /// <paramref name="model"/>; throws when it was trained for another model or lacks the positive class.
    /// </summary>
    public static ModerationJudge WithProbe(
        ClipModel model,
        ModerationPolicy policy,
        LinearProbe probe,
        string positiveClass)
    {
        FeatureSource images = FeatureSource.ImageEmbeddings(model);
        probe.EnsureCompatibleWith(
            probe.Source.Features == MemeFeatures.FeatureKind ? MemeFeatures.SourceFor(images) : images);
        int positive = probe.Classes.ToList().IndexOf(positiveClass);
        return positive >= 0
            ? new ModerationJudge(policy, null, probe, positive)
            : throw new CliException(
                $"The probe has no class '{positiveClass}' (it has {string.Join(", ", probe.Classes)}); " +
                "name the class to flag with --positive-class.");
    }

    /// <summary>The verdict on one image embedding and, when known, its text's embedding.</summary>
    public ModerationVerdict Judge(ReadOnlySpan<float> image, ReadOnlySpan<float> text)
    {
        if (_scorer is not null)
        {
            ModerationScore score = _scorer.Score(image, text);
            return new ModerationVerdict(score.Score, score.Decision, score.ImageScore, score.TextScore);
        }

        float[] features = new float[_probe!.Dimension];
        if (NeedsText)
        {
            MemeFeatures.Combine(image, text, features);
        }
        else
        {
            image.CopyTo(features);
        }

        float probability = _probe.PredictProbabilities(features)[_positive];
        return new ModerationVerdict(probability, _policy.Decide(probability), null, null);
    }
}
