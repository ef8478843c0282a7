using Clip.Core.Embeddings;
using Clip.Core.Moderation;
using Clip.Core.Probes;

namespace Clip.Cli.Evaluation;

/// <summary>
/// Scores every meme with a probe that never saw it: the memes are dealt into stratified folds, and each fold is
/// scored by a probe trained on the others (λ chosen inside that training part), so ROC-AUC can be measured on a
/// single labelled split without an optimistic bias.
/// </summary>
internal static class MemeProbeCrossValidation
{
    /// <summary>Each meme's out-of-fold P(hateful), and the λ each fold's probe chose.</summary>
    public static (float[] Scores, double[] Lambdas) Score(
        HatefulMemeEmbeddings memes,
        int folds,
        int seed,
        CancellationToken cancellationToken)
    {
        LabeledEmbeddings all = memes.ToProbeData();
        if (folds < 2 || folds > all.Count)
        {
            throw new ArgumentException($"{folds} folds need from 2 to {all.Count} memes per fold split.");
        }

        int[] foldOf = DealFolds(all.Labels, folds, seed);
        float[] scores = new float[all.Count];
        double[] lambdas = new double[folds];
        var options = new LinearProbeOptions { CrossValidationFolds = 0, Seed = seed };
        for (int fold = 0; fold < folds; fold++)
        {
            int[] train = Enumerable.Range(0, all.Count).Where(i => foldOf[i] != fold).ToArray();
            LinearProbe probe = LinearProbeTrainer
                .Train(Subset(all, train), memes.ProbeSource, options, cancellationToken)
                .Probe;
            lambdas[fold] = probe.Lambda;
            int hateful = probe.Classes.ToList().IndexOf(HatefulMemeEmbeddings.HatefulClass);
            for (int i = 0; i < all.Count; i++)
            {
                if (foldOf[i] == fold)
                {
                    scores[i] = probe.PredictProbabilities(all.Features[i])[hateful];
                }
            }
        }

        return (scores, lambdas);
    }

    /// <summary>
    /// Shuffles each class with a seeded generator, then deals the classes one after another onto the folds in
    /// turn, so every fold gets its share of each class and fold sizes differ by at most one.
    /// </summary>
    private static int[] DealFolds(IReadOnlyList<int> labels, int folds, int seed)
    {
        var random = new Random(seed);
        int[] foldOf = new int[labels.Count];
        int next = 0;
        foreach (int label in labels.Distinct().Order())
        {
            int[] members = Enumerable.Range(0, labels.Count).Where(i => labels[i] == label).ToArray();
            random.Shuffle(members);
            foreach (int member in members)
            {
                foldOf[member] = next;
                next = (next + 1) % folds;
            }
        }

        return foldOf;
    }

    private static LabeledEmbeddings Subset(LabeledEmbeddings all, int[] rows)
    {
        float[] values = new float[rows.Length * all.Dimension];
        for (int i = 0; i < rows.Length; i++)
        {
            all.Features[rows[i]].CopyTo(values.AsSpan(i * all.Dimension, all.Dimension));
        }

        return new LabeledEmbeddings(
            new EmbeddingBatch(values, all.Dimension),
            rows.Select(row => all.Labels[row]).ToArray(),
            all.Classes);
    }
}
