namespace Clip.Core.Probes;

/// <summary>
/// Trains a <see cref="LinearProbe"/> following the linear-probe protocol of the CLIP paper (Radford et al. 2021,
/// appendix A.3): L2-regularised multinomial logistic regression on L2-normalised features, fitted full-batch with
/// L-BFGS, the regularisation strength chosen on a held-out validation split, then refitted on all the data.
/// Deterministic: the same data and options give the same probe.
/// </summary>
/// <remarks>
/// <para>
/// Steps: (1) hold out <see cref="LinearProbeOptions.ValidationFraction"/> of each class (seeded); (2) fit on the
/// rest for every λ of <see cref="LinearProbeOptions.LambdaGrid"/>, largest first, each fit starting from the
/// previous solution; (3) keep the λ with the lowest validation log-loss, the larger λ on an exact tie; (4) measure
/// k-fold stratified cross-validated accuracy with that λ; (5) refit on all samples.
/// </para>
/// <para>
/// The paper selects λ by validation accuracy; log-loss is used here because on small validation splits accuracy
/// moves in coarse steps and is often flat across many λ, while log-loss also punishes over-confident fits, so it
/// picks a stronger λ when the labels carry little signal.
/// </para>
/// </remarks>
public static class LinearProbeTrainer
{
    /// <summary>
    /// Trains a probe on <paramref name="data"/>, whose vectors come from <paramref name="source"/>. Throws
    /// <see cref="ArgumentException"/> when fewer than two classes have samples, the vector length differs from
    /// the source's, or the data is too small for the validation split or the folds asked for. Cancellation is
    /// checked between fits.
    /// </summary>
    public static LinearProbeTrainingResult Train(
        LabeledEmbeddings data,
        FeatureSource source,
        LinearProbeOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(source);
        options ??= new LinearProbeOptions();
        options.Validate();
        Check(data, source, options);

        ProbeDesign all = ProbeDesign.From(data);
        IReadOnlyList<LambdaScore> scores = options.LambdaGrid.Count > 1
            ? ScoreLambdas(all, options, cancellationToken)
            : [];
        double lambda = scores.Count > 0 ? Choose(scores) : options.LambdaGrid[0];

        (double? crossValidated, double[] foldAccuracies) = options.CrossValidationFolds > 0
            ? CrossValidate(all, lambda, options, cancellationToken)
            : (null, []);

        cancellationToken.ThrowIfCancellationRequested();
        double[] parameters = all.Fit(lambda, options);
        var probe = new LinearProbe(
            data.Classes,
            parameters[..(all.Classes * all.Dimension)].Select(v => (float)v).ToArray(),
            parameters[(all.Classes * all.Dimension)..].Select(v => (float)v).ToArray(),
            lambda,
            source,
            crossValidated);
        double trainingAccuracy = all.Score(parameters).Accuracy;
        return new LinearProbeTrainingResult(probe, scores, crossValidated, foldAccuracies, trainingAccuracy);
    }

    private static void Check(LabeledEmbeddings data, FeatureSource source, LinearProbeOptions options)
    {
        if (data.Dimension != source.Dimension)
        {
            throw new ArgumentException(
                $"The vectors hold {data.Dimension} floats but the source says {source.Dimension}.",
                nameof(data));
        }

        if (data.Labels.Distinct().Count() < 2)
        {
            throw new ArgumentException("A probe needs samples of at least two classes.", nameof(data));
        }

        if (options.CrossValidationFolds > data.Count)
        {
            throw new ArgumentException(
                $"{options.CrossValidationFolds} folds need at least as many samples; there are {data.Count}.",
                nameof(data));
        }
    }

    private static LambdaScore[] ScoreLambdas(
        ProbeDesign all,
        LinearProbeOptions options,
        CancellationToken cancellationToken)
    {
        int[] heldOut = StratifiedSplit.HoldOut(all.Labels, options.ValidationFraction, options.Seed);
        if (heldOut.Length == 0)
        {
            throw new ArgumentException(
                "No class has enough samples to hold any out for choosing λ; add samples or give a single λ.");
        }

        int[] kept = Enumerable.Range(0, all.Count).Except(heldOut).ToArray();
        ProbeDesign training = all.Subset(kept);
        ProbeDesign validation = all.Subset(heldOut);

        // Largest λ first: its solution is near zero and each next fit starts close to its own optimum.
        var scores = new List<LambdaScore>();
        double[]? previous = null;
        foreach (double lambda in options.LambdaGrid.Distinct().OrderDescending())
        {
            cancellationToken.ThrowIfCancellationRequested();
            previous = training.Fit(lambda, options, previous);
            (double accuracy, double logLoss, _) = validation.Score(previous);
            scores.Add(new LambdaScore(lambda, accuracy, logLoss));
        }

        scores.Reverse();
        return [.. scores];
    }

    private static double Choose(IReadOnlyList<LambdaScore> ascending)
    {
        LambdaScore best = ascending[^1];
        for (int i = ascending.Count - 2; i >= 0; i--)
        {
            if (ascending[i].ValidationLogLoss < best.ValidationLogLoss)
            {
                best = ascending[i];
            }
        }

        return best.Lambda;
    }

    private static (double? Accuracy, double[] FoldAccuracies) CrossValidate(
        ProbeDesign all,
        double lambda,
        LinearProbeOptions options,
        CancellationToken cancellationToken)
    {
        // Limitation: λ is chosen once on the whole data rather than again inside each fold, so the estimate is a
        // little optimistic; nested selection would multiply the training time by the size of the grid.
        int folds = options.CrossValidationFolds;
        int[] foldOf = StratifiedSplit.Folds(all.Labels, folds, options.Seed);
        double[] accuracies = new double[folds];
        int correct = 0;
        for (int fold = 0; fold < folds; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int[] test = Enumerable.Range(0, all.Count).Where(i => foldOf[i] == fold).ToArray();
            int[] train = Enumerable.Range(0, all.Count).Where(i => foldOf[i] != fold).ToArray();
            double[] parameters = all.Subset(train).Fit(lambda, options);
            (double accuracy, _, int right) = all.Subset(test).Score(parameters);
            accuracies[fold] = accuracy;
            correct += right;
        }

        return ((double)correct / all.Count, accuracies);
    }
}
