using Clip.Core.Probes;

namespace Clip.Core.Tests.Probes;

public sealed class LinearProbeTrainerTests
{
    private static readonly LinearProbeOptions Quick = new()
    {
        LambdaGrid = LinearProbeOptions.LogSpaced(1e-4, 1e1, 6),
        MaxIterations = 100,
    };

    [Fact]
    public void Train_SeparableClusters_ClassifiesTrainingCrossValidationAndFreshSamplesPerfectly()
    {
        LabeledEmbeddings training = ProbeTestData.Clusters(classes: 3, perClass: 20, noise: 0.1f, seed: 1);
        LabeledEmbeddings fresh = ProbeTestData.Clusters(classes: 3, perClass: 10, noise: 0.1f, seed: 2);

        LinearProbeTrainingResult result = LinearProbeTrainer.Train(training, ProbeTestData.Source, Quick);

        Assert.Equal(1.0, result.TrainingAccuracy);
        Assert.Equal(1.0, result.CrossValidatedAccuracy);
        Assert.Equal(5, result.FoldAccuracies.Count);
        Assert.Equal(1.0, result.Probe.Accuracy(fresh));
    }

    [Fact]
    public void Train_NoiseLabels_ChoosesStrongerLambdaThanForTrueLabels()
    {
        // 60 samples in 32 dimensions: enough freedom to fit random labels exactly, which a held-out split punishes.
        const int Dimension = 32;
        FeatureSource source = ProbeTestData.Source with { Dimension = Dimension };
        LabeledEmbeddings clean = ProbeTestData.Clusters(3, 20, 0.3f, seed: 3, dimension: Dimension);
        LabeledEmbeddings noise = ProbeTestData.Clusters(
            3, 20, 0.3f, seed: 3, shuffleLabels: true, dimension: Dimension);
        var options = new LinearProbeOptions
        {
            LambdaGrid = LinearProbeOptions.LogSpaced(1e-5, 1e1, 7),
            CrossValidationFolds = 0,
            MaxIterations = 100,
        };

        double cleanLambda = LinearProbeTrainer.Train(clean, source, options).Probe.Lambda;
        double noiseLambda = LinearProbeTrainer.Train(noise, source, options).Probe.Lambda;

        Assert.True(noiseLambda > cleanLambda, $"noise λ {noiseLambda} is not above clean λ {cleanLambda}");
    }

    [Fact]
    public void Train_ChosenLambda_HasTheLowestValidationLogLoss()
    {
        LabeledEmbeddings data = ProbeTestData.Clusters(classes: 3, perClass: 15, noise: 0.5f, seed: 4);

        LinearProbeTrainingResult result = LinearProbeTrainer.Train(data, ProbeTestData.Source, Quick);

        Assert.Equal(6, result.LambdaScores.Count);
        Assert.Equal(result.LambdaScores.MinBy(s => s.ValidationLogLoss).Lambda, result.Probe.Lambda);
        Assert.Equal(result.CrossValidatedAccuracy, result.Probe.CrossValidatedAccuracy);
    }

    [Fact]
    public void Train_SameDataTwice_GivesIdenticalProbes()
    {
        LabeledEmbeddings data = ProbeTestData.Clusters(classes: 2, perClass: 12, noise: 0.4f, seed: 5);

        LinearProbe first = LinearProbeTrainer.Train(data, ProbeTestData.Source, Quick).Probe;
        LinearProbe second = LinearProbeTrainer.Train(data, ProbeTestData.Source, Quick).Probe;

        Assert.Equal(first.Weights.ToArray(), second.Weights.ToArray());
        Assert.Equal(first.Bias.ToArray(), second.Bias.ToArray());
    }

    [Fact]
    public void Train_SingleLambda_SkipsSelection()
    {
        LabeledEmbeddings data = ProbeTestData.Clusters(classes: 2, perClass: 4, noise: 0.1f, seed: 6);
        var options = new LinearProbeOptions { LambdaGrid = [0.01], CrossValidationFolds = 2 };

        LinearProbeTrainingResult result = LinearProbeTrainer.Train(data, ProbeTestData.Source, options);

        Assert.Empty(result.LambdaScores);
        Assert.Equal(0.01, result.Probe.Lambda);
    }

    [Fact]
    public void Train_OneClassOnly_Throws()
    {
        var data = new LabeledEmbeddings(
            new Clip.Core.Embeddings.EmbeddingBatch(new float[3 * 8], 8),
            [0, 0, 0],
            ["a", "b"]);

        var error = Assert.Throws<ArgumentException>(() => LinearProbeTrainer.Train(data, ProbeTestData.Source));

        Assert.Contains("at least two classes", error.Message);
    }

    [Fact]
    public void Train_VectorsShorterThanSource_Throws()
    {
        LabeledEmbeddings data = ProbeTestData.Clusters(classes: 2, perClass: 5, noise: 0.1f, seed: 7, dimension: 4);

        Assert.Throws<ArgumentException>(() => LinearProbeTrainer.Train(data, ProbeTestData.Source, Quick));
    }

    [Fact]
    public void Train_CancelledToken_Throws()
    {
        LabeledEmbeddings data = ProbeTestData.Clusters(classes: 2, perClass: 5, noise: 0.1f, seed: 8);

        Assert.Throws<OperationCanceledException>(
            () => LinearProbeTrainer.Train(data, ProbeTestData.Source, Quick, new CancellationToken(true)));
    }
}
