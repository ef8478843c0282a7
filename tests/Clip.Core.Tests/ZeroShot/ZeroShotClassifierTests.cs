using Clip.Core.Embeddings;
using Clip.Core.ZeroShot;

namespace Clip.Core.Tests.ZeroShot;

/// <summary>Classifiers over hand-made 2-d embeddings, so every score is worked out by hand.</summary>
public sealed class ZeroShotClassifierTests
{
    private static readonly float[] Image = [0.6f, 0.8f];

    [Fact]
    public void ComputeProbabilities_TwoClasses_IsSoftmaxOfScaledCosines()
    {
        ZeroShotClassifier classifier = Classifier(logitScale: 10f, ("cat", [1f, 0f]), ("dog", [0f, 1f]));
        float[] probabilities = new float[2];

        classifier.ComputeProbabilities(Image, probabilities);

        // Logits 10 * 0.6 = 6 and 10 * 0.8 = 8: softmax gives 1 / (1 + e^2) and e^2 / (1 + e^2).
        Assert.Equal(0.11920292f, probabilities[0], 1e-6f);
        Assert.Equal(0.88079708f, probabilities[1], 1e-6f);
    }

    [Fact]
    public void Classify_TopOne_GivesBestClassWithProbabilityAndCosine()
    {
        ZeroShotClassifier classifier = Classifier(logitScale: 10f, ("cat", [1f, 0f]), ("dog", [0f, 1f]));

        LabelScore best = Assert.Single(classifier.Classify(Image, topK: 1));

        Assert.Equal("dog", best.Label);
        Assert.Equal(1, best.ClassIndex);
        Assert.Equal(0.88079708f, best.Probability, 1e-6f);
        Assert.Equal(0.8f, best.Cosine, 1e-6f);
    }

    [Fact]
    public void Classify_TiedClasses_KeepLabelSetOrder()
    {
        ZeroShotClassifier classifier = Classifier(100f, ("bird", [0f, 1f]), ("cat", [1f, 0f]), ("kitten", [1f, 0f]));

        IReadOnlyList<LabelScore> top = classifier.Classify([1f, 0f], topK: 3);

        // Logits 0, 100, 100: the tied pair shares the mass, e^100 / (1 + 2 e^100) = 0.5 in float.
        Assert.Equal(["cat", "kitten", "bird"], top.Select(score => score.Label));
        Assert.Equal(0.5f, top[0].Probability, 1e-6f);
        Assert.Equal(0.5f, top[1].Probability, 1e-6f);
    }

    [Fact]
    public void ClassifyMultiLabel_PerClassThresholds_KeepsLabelsAtOrAboveTheirThreshold()
    {
        var labelSet = new LabelSet("pets", [new("cat"), new("dog"), new("lynx", Threshold: 0.1f)]);
        var embeddings = new LabelSetEmbeddings(new EmbeddingBatch([1f, 0f, 0f, 1f, 1f, 0f], 2), [0f, 1f]);
        var classifier = new ZeroShotClassifier(labelSet, embeddings, logitScale: 10f);

        IReadOnlyList<LabelScore> labels = classifier.ClassifyMultiLabel(Image);

        // Background cosine 0.8. cat and lynx: 1 / (1 + e^(10 * (0.8 - 0.6))) = 1 / (1 + e^2) = 0.1192, below the
        // default 0.5 but above lynx's own 0.1; dog: cosine 0.8 equals the background's, 0.5 exactly.
        Assert.Equal(["dog", "lynx"], labels.Select(score => score.Label));
        Assert.Equal(0.5f, labels[0].Probability, 1e-6f);
        Assert.Equal(0.11920292f, labels[1].Probability, 1e-6f);
    }

    [Fact]
    public void ClassifyMultiLabel_AddingALabel_LeavesOtherDecisionsAlone()
    {
        ZeroShotClassifier two = Classifier(10f, ("cat", [1f, 0f]), ("dog", [0f, 1f]));
        ZeroShotClassifier three = Classifier(10f, ("cat", [1f, 0f]), ("dog", [0f, 1f]), ("fox", [0.6f, 0.8f]));

        LabelScore dogInTwo = two.ClassifyMultiLabel(Image, 0f).Single(score => score.Label == "dog");
        LabelScore dogInThree = three.ClassifyMultiLabel(Image, 0f).Single(score => score.Label == "dog");

        Assert.Equal(dogInTwo.Probability, dogInThree.Probability);
    }

    [Fact]
    public void Constructor_EmbeddingsForOtherClassCount_Throws()
    {
        var labelSet = LabelSet.FromNames("x", ["cat", "dog"]);
        var embeddings = new LabelSetEmbeddings(new EmbeddingBatch([1f, 0f], 2), [0f, 1f]);

        Assert.Throws<ArgumentException>(() => new ZeroShotClassifier(labelSet, embeddings, 100f));
    }

    [Fact]
    public void ComputeCosines_EmbeddingOfOtherDimension_Throws()
    {
        ZeroShotClassifier classifier = Classifier(10f, ("cat", [1f, 0f]));

        Assert.Throws<ArgumentException>(() => classifier.ComputeCosines([1f, 0f, 0f], new float[1]));
    }

    /// <summary>A classifier whose background embedding is [0, 1].</summary>
    private static ZeroShotClassifier Classifier(float logitScale, params (string Name, float[] Embedding)[] classes)
    {
        var labelSet = LabelSet.FromNames("test", classes.Select(c => c.Name));
        var embeddings = new LabelSetEmbeddings(
            new EmbeddingBatch(classes.SelectMany(c => c.Embedding).ToArray(), 2),
            [0f, 1f]);
        return new ZeroShotClassifier(labelSet, embeddings, logitScale);
    }
}
