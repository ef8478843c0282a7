using Clip.Core.Probes;

namespace Clip.Core.Tests.Probes;

public sealed class LinearProbeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("clip-probe-test-").FullName;

    [Fact]
    public void PredictProbabilities_HandSetWeights_GivesSoftmaxOfNormalisedLogits()
    {
        // x = (3, 4) normalises to (0.6, 0.8). W_0 = (1, 0), W_1 = (0, 1), b = (0, ln 2 - 0.2):
        // logits 0.6 and 0.8 + ln 2 - 0.2 = 0.6 + ln 2, so p = (1/3, 2/3).
        LinearProbe probe = TwoDimensional(bias: [0f, MathF.Log(2f) - 0.2f]);

        float[] p = probe.PredictProbabilities([3f, 4f]);

        Assert.Equal(1f / 3, p[0], 1e-6f);
        Assert.Equal(2f / 3, p[1], 1e-6f);
        Assert.Equal(1, probe.Predict([3f, 4f]));
    }

    [Fact]
    public void Predict_EqualProbabilities_GoesToLowerIndex()
    {
        LinearProbe probe = TwoDimensional(bias: [0f, 0f]);

        Assert.Equal(0, probe.Predict([1f, 1f]));
    }

    [Fact]
    public void Constructor_WeightsWhoseNormOverflows_ThrowsInsteadOfGivingNaNProbabilities()
    {
        LinearProbe fine = TwoDimensional(bias: [0f, 0f]);

        var error = Assert.Throws<ArgumentException>(() => new LinearProbe(
            fine.Classes, [3e38f, 3e38f, 0f, 1f], [0f, 0f], fine.Lambda, fine.Source));

        Assert.Contains("class 0 are too large", error.Message);
    }

    [Fact]
    public void Predict_WrongDimension_ThrowsNamingBothLengths()
    {
        LinearProbe probe = TwoDimensional(bias: [0f, 0f]);

        var error = Assert.Throws<ArgumentException>(() => probe.Predict([1f, 2f, 3f]));

        Assert.Contains("vectors of 2 floats", error.Message);
        Assert.Contains("got a vector of 3", error.Message);
    }

    [Fact]
    public void SaveLoad_TrainedProbe_RoundTripsEveryValue()
    {
        LabeledEmbeddings data = ProbeTestData.Clusters(classes: 3, perClass: 6, noise: 0.3f, seed: 9);
        var options = new LinearProbeOptions { LambdaGrid = [1e-3, 1e-1], CrossValidationFolds = 3 };
        LinearProbe probe = LinearProbeTrainer.Train(data, ProbeTestData.Source, options).Probe;
        string path = Path.Combine(_folder, "probe.json");

        probe.Save(path);
        LinearProbe loaded = LinearProbe.Load(path);

        Assert.Equal(probe.Classes, loaded.Classes);
        Assert.Equal(probe.Weights.ToArray(), loaded.Weights.ToArray());
        Assert.Equal(probe.Bias.ToArray(), loaded.Bias.ToArray());
        Assert.Equal(probe.Lambda, loaded.Lambda);
        Assert.Equal(probe.Source, loaded.Source);
        Assert.Equal(probe.CrossValidatedAccuracy, loaded.CrossValidatedAccuracy);
        Assert.Equal(probe.PredictProbabilities(data.Features[0]), loaded.PredictProbabilities(data.Features[0]));
    }

    [Fact]
    public void EnsureCompatibleWith_OtherModelContent_ThrowsNamingBothModels()
    {
        LinearProbe probe = TwoDimensional(bias: [0f, 0f]);
        var other = probe.Source with { ModelName = "other-model", ModelContentHash = "ffff" };

        var error = Assert.Throws<InvalidOperationException>(() => probe.EnsureCompatibleWith(other));

        Assert.Contains("'tiny'", error.Message);
        Assert.Contains("'other-model'", error.Message);
    }

    [Fact]
    public void EnsureCompatibleWith_SameModelOtherDimension_Throws()
    {
        LinearProbe probe = TwoDimensional(bias: [0f, 0f]);

        var error = Assert.Throws<InvalidOperationException>(
            () => probe.EnsureCompatibleWith(probe.Source with { Dimension = 3 }));

        Assert.Contains("of 2 floats", error.Message);
        Assert.Contains("of 3 floats", error.Message);
    }

    [Fact]
    public void EnsureCompatibleWith_RenamedFolderOfSameModel_Passes()
    {
        LinearProbe probe = TwoDimensional(bias: [0f, 0f]);

        probe.EnsureCompatibleWith(probe.Source with { ModelName = "renamed" });
    }

    [Fact]
    public void Load_WeightRowOfWrongLength_ThrowsFormatExceptionNamingTheRow()
    {
        string path = Path.Combine(_folder, "bad.json");
        File.WriteAllText(path, """
            { "format": "clip-linear-probe", "version": 1, "model_name": "m", "model_content_hash": "h",
              "features": "image", "embedding_dimension": 2, "lambda": 0.1, "classes": ["a", "b"],
              "weights": [[1, 0], [0, 1, 2]], "bias": [0, 0], "cross_validated_accuracy": null }
            """);

        var error = Assert.Throws<FormatException>(() => LinearProbe.Load(path));

        Assert.Contains("row 1 of 3", error.Message);
    }

    [Fact]
    public void Load_MissingField_ThrowsFormatExceptionNamingTheFile()
    {
        string path = Path.Combine(_folder, "partial.json");
        File.WriteAllText(path, """{ "format": "clip-linear-probe", "version": 1 }""");

        var error = Assert.Throws<FormatException>(() => LinearProbe.Load(path));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Parse_TextOfASavedProbe_GivesTheSameProbe()
    {
        LinearProbe probe = TwoDimensional(bias: [0.25f, -0.5f]);
        string path = Path.Combine(_folder, "probe.json");
        probe.Save(path);

        LinearProbe parsed = LinearProbeFile.Parse(File.ReadAllText(path), "the request body");

        Assert.Equal(probe.Weights.ToArray(), parsed.Weights.ToArray());
        Assert.Equal(probe.Bias.ToArray(), parsed.Bias.ToArray());
        Assert.Equal(probe.Source, parsed.Source);
    }

    [Fact]
    public void Parse_NotAProbe_ThrowsFormatExceptionNamingTheSource()
    {
        var error = Assert.Throws<FormatException>(() => LinearProbeFile.Parse("[1, 2]", "the request body"));

        Assert.StartsWith("'the request body' is not a linear probe file", error.Message);
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => LinearProbe.Load(Path.Combine(_folder, "none.json")));
    }

    [Fact]
    public void Accuracy_TestSetListingClassesInOtherOrder_MatchesByName()
    {
        // The probe predicts class0 along x and class1 along y; the test set names them the other way round.
        LinearProbe probe = TwoDimensional(bias: [0f, 0f]);
        var test = new LabeledEmbeddings(
            new Clip.Core.Embeddings.EmbeddingBatch([1f, 0f, 0f, 1f], 2),
            [1, 0],
            ["class1", "class0"]);

        Assert.Equal(1.0, probe.Accuracy(test));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static LinearProbe TwoDimensional(float[] bias) =>
        new(["class0", "class1"], [1f, 0f, 0f, 1f], bias, 0.5, new FeatureSource("tiny", "abc123", "image", 2));
}
