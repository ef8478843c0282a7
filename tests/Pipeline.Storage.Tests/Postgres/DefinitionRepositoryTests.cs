using System.Text.Json;
using Pipeline.Storage.Postgres;

namespace Pipeline.Storage.Tests.Postgres;

public sealed class DefinitionRepositoryTests : IClassFixture<PostgresDatabaseFixture>
{
    private readonly DefinitionRepository _definitions;

    public DefinitionRepositoryTests(PostgresDatabaseFixture database) => _definitions = database.Storage.Definitions;

    [Fact]
    public async Task SaveProbeAsync_SameNameWithNewWeights_ReplacesTheDefinitionInOneRow()
    {
        string name = $"scene-{Guid.NewGuid():N}";

        var first = await _definitions.SaveProbeAsync(name, """{"Weights":[[0.5,-1.25]]}""", CancellationToken.None);
        var second = await _definitions.SaveProbeAsync(name, """{"Weights":[[2,3]]}""", CancellationToken.None);
        var found = await _definitions.FindProbeAsync(name, CancellationToken.None);
        var listed = (await _definitions.ListProbesAsync(CancellationToken.None)).Where(p => p.Name == name);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(second, found);
        Assert.Equal([2f, 3f], Weights(found!.DefinitionJson));
        Assert.Equal(second, Assert.Single(listed));
    }

    [Fact]
    public async Task SaveProbeAsync_SameDefinitionAgain_KeepsWhenItLastChanged()
    {
        string name = $"scene-{Guid.NewGuid():N}";
        const string Json = """{"Classes":["indoors","sky"]}""";

        var first = await _definitions.SaveProbeAsync(name, Json, CancellationToken.None);
        await Task.Delay(20);
        var again = await _definitions.SaveProbeAsync(name, Json, CancellationToken.None);

        Assert.Equal(first.UpdatedAt, again.UpdatedAt);
    }

    [Fact]
    public async Task ListAsync_OneNameInEachKind_EachListHoldsOnlyItsOwnKindInNameOrder()
    {
        string name = $"shared-{Guid.NewGuid():N}";
        string later = name + "-b";
        await _definitions.SaveLabelSetAsync(later, """{"Kind":"label set"}""", CancellationToken.None);
        await _definitions.SaveLabelSetAsync(name, """{"Kind":"label set"}""", CancellationToken.None);
        await _definitions.SavePolicyAsync(name, """{"Kind":"policy"}""", CancellationToken.None);
        await _definitions.SaveProbeAsync(name, """{"Kind":"probe"}""", CancellationToken.None);

        var labelSets = Mine(await _definitions.ListLabelSetsAsync(CancellationToken.None), name);
        var policies = Mine(await _definitions.ListPoliciesAsync(CancellationToken.None), name);
        var probes = Mine(await _definitions.ListProbesAsync(CancellationToken.None), name);

        Assert.Equal([name, later], labelSets.Select(d => d.Name));
        Assert.All(labelSets, d => Assert.Equal("label set", Kind(d)));
        Assert.Equal("policy", Kind(Assert.Single(policies)));
        Assert.Equal("probe", Kind(Assert.Single(probes)));
        Assert.Null(await _definitions.FindProbeAsync(later, CancellationToken.None));
    }

    private static List<NamedDefinition> Mine(IReadOnlyList<NamedDefinition> all, string prefix) =>
        all.Where(d => d.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    private static string? Kind(NamedDefinition definition) =>
        JsonDocument.Parse(definition.DefinitionJson).RootElement.GetProperty("Kind").GetString();

    private static float[] Weights(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("Weights")[0].EnumerateArray()
            .Select(w => w.GetSingle()).ToArray();
}
