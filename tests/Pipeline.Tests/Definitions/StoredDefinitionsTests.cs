using System.Text.Json;
using Clip.Core.Moderation;
using Pipeline.Contracts;
using Pipeline.Processing.Definitions;
using Pipeline.Processing.LabelSets;
using Pipeline.Tests.Curation;
using Pipeline.Tests.Probes;

namespace Pipeline.Tests.Definitions;

public sealed class StoredDefinitionsTests
{
    [Fact]
    public async Task ResolveAsync_StoredNames_GivesEachDefinitionAsItWasStored()
    {
        await using var db = await FreshDatabase.CreateAsync();
        var definitions = new StoredDefinitions(db.Storage.Definitions);
        LabelSetDefinition animals = LabelSetFile.FromNames("animals", ["cat", "dog"]);
        var policy = new ModerationPolicyDefinition("weapons", ["a gun."], ["a toy."], 0.9f, 0.5f);
        LinearProbeDefinition probe = TestProbes.For("tiny-clip", "0123abcd", 8, minProbability: 0.25f);
        await definitions.SaveLabelSetAsync(animals, CancellationToken.None);
        await definitions.SavePolicyAsync(policy, CancellationToken.None);
        await definitions.SaveProbeAsync(probe, CancellationToken.None);

        ResolvedDefinitions found = await definitions.ResolveAsync(["animals"], ["weapons"], ["scene"],
            CancellationToken.None);

        Assert.Empty(found.Problems);
        Assert.Equal(Json(animals), Json(Assert.Single(found.LabelSets)));
        Assert.Equal(Json(policy), Json(Assert.Single(found.Policies)));
        Assert.Equal(Json(probe), Json(Assert.Single(found.Probes)));
    }

    [Theory]
    [InlineData(" padded", "spaces at its ends")]
    [InlineData("tab\tinside", "control characters")]
    [InlineData(null, "at most 128")]
    public async Task SaveLabelSetAsync_UnusableName_ThrowsAndStoresNothing(string? name, string expected)
    {
        await using var db = await FreshDatabase.CreateAsync();
        var definitions = new StoredDefinitions(db.Storage.Definitions);
        string chosen = name ?? new string('n', DefinitionNames.MaxLength + 1);

        var error = await Assert.ThrowsAsync<FormatException>(() => definitions.SaveLabelSetAsync(
            LabelSetFile.FromNames(chosen, ["cat", "dog"]), CancellationToken.None));

        Assert.Contains(expected, error.Message);
        Assert.Empty(await db.Storage.Definitions.ListLabelSetsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ResolveAsync_NamesNotStored_AreProblemsOfTheirFieldsNamingThem()
    {
        await using var db = await FreshDatabase.CreateAsync();
        var definitions = new StoredDefinitions(db.Storage.Definitions);

        ResolvedDefinitions found = await definitions.ResolveAsync(["no-such-set"], null, ["no-such-probe"],
            CancellationToken.None);

        Assert.Equal(["labelSetNames", "probeNames"], found.Problems.Keys.Order());
        Assert.Equal("No label set named 'no-such-set' is stored.", Assert.Single(found.Problems["labelSetNames"]));
        Assert.Equal("No linear probe named 'no-such-probe' is stored.", Assert.Single(found.Problems["probeNames"]));
        Assert.Empty(found.LabelSets);
        Assert.Empty(found.Probes);
    }

    [Fact]
    public async Task ResolveAsync_NameThatOnlyStandsForStoredLabels_IsAProblemSayingItHasNoDefinition()
    {
        await using var db = await FreshDatabase.CreateAsync();
        await db.Storage.Definitions.SaveLabelSetAsync("scene", """{"name":"scene"}""", CancellationToken.None);

        ResolvedDefinitions found = await new StoredDefinitions(db.Storage.Definitions).ResolveAsync(
            ["scene"], null, null, CancellationToken.None);

        Assert.StartsWith("The label set 'scene' is stored without a usable definition",
            Assert.Single(found.Problems["labelSetNames"]));
    }

    [Fact]
    public async Task SaveProbeAsync_ProbeOnMemeFeatures_IsRefusedAndNotStored()
    {
        await using var db = await FreshDatabase.CreateAsync();
        LinearProbeDefinition meme = TestProbes.For("tiny-clip", "0123abcd", 24) with
        {
            Features = MemeFeatures.FeatureKind,
        };

        var error = await Assert.ThrowsAsync<FormatException>(() =>
            new StoredDefinitions(db.Storage.Definitions).SaveProbeAsync(meme, CancellationToken.None));

        Assert.Contains("was trained on 'meme:image,text,image*text' features", error.Message);
        Assert.Null(await db.Storage.Definitions.FindProbeAsync("scene", CancellationToken.None));
    }

    private static string Json<T>(T definition) => JsonSerializer.Serialize(definition);
}
