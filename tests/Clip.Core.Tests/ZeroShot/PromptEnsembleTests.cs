using Clip.Core.Embeddings;
using Clip.Core.ZeroShot;

namespace Clip.Core.Tests.ZeroShot;

public sealed class PromptEnsembleTests
{
    [Fact]
    public void Combine_TwoPrompts_NormalisesEachBeforeAveraging()
    {
        float[] classEmbedding = new float[2];

        PromptEnsemble.Combine([3f, 4f, 0f, 2f], 2, classEmbedding);

        // [0.6, 0.8] and [0, 1] average to [0.3, 0.9], of length sqrt(0.9): [1, 3] / sqrt(10). Averaging the raw
        // rows first would give [1.5, 3] / |[1.5, 3]| = [0.447, 0.894] instead.
        Assert.Equal(0.31622777f, classEmbedding[0], 1e-6f);
        Assert.Equal(0.94868330f, classEmbedding[1], 1e-6f);
    }

    [Fact]
    public void Combine_OnePrompt_ReturnsItAtUnitLength()
    {
        float[] classEmbedding = new float[2];

        PromptEnsemble.Combine([0f, -5f], 2, classEmbedding);

        Assert.Equal([0f, -1f], classEmbedding);
    }

    [Fact]
    public void Combine_OppositePrompts_LeavesZeroVector()
    {
        float[] classEmbedding = [9f, 9f];

        PromptEnsemble.Combine([1f, 0f, -2f, 0f], 2, classEmbedding);

        Assert.Equal([0f, 0f], classEmbedding);
    }

    [Fact]
    public void Combine_PartialRow_Throws()
    {
        Assert.Throws<ArgumentException>(() => PromptEnsemble.Combine([1f, 2f, 3f], 2, new float[2]));
    }

    [Fact]
    public void Embed_LabelSet_EncodesAllPromptsOnceAndGroupsThemPerClass()
    {
        var templates = PromptTemplates.FromLines(["{}", "a {}"]);
        var labelSet = new LabelSet("pets", [new LabelClass("cat"), new LabelClass("dog", ["dog"])], templates);
        var vectors = new Dictionary<string, float[]>
        {
            ["cat"] = [1f, 0f],
            ["a cat"] = [0f, 1f],
            ["dog"] = [0f, 3f],
            ["thing"] = [2f, 0f],
            ["a thing"] = [5f, 0f],
        };
        var calls = new List<IReadOnlyList<string>>();

        LabelSetEmbeddings embeddings = PromptEnsemble.Embed(labelSet, prompts =>
        {
            calls.Add(prompts);
            return new EmbeddingBatch(prompts.SelectMany(prompt => vectors[prompt]).ToArray(), 2);
        });

        Assert.Equal(["cat", "a cat", "dog", "thing", "a thing"], Assert.Single(calls));
        Assert.Equal(2, embeddings.Classes.Count);
        Assert.Equal(0.70710678f, embeddings.Classes[0][0], 1e-6f);
        Assert.Equal(0.70710678f, embeddings.Classes[0][1], 1e-6f);
        Assert.Equal([0f, 1f], embeddings.Classes.RowToArray(1));
        Assert.Equal([1f, 0f], embeddings.Background);
    }
}
