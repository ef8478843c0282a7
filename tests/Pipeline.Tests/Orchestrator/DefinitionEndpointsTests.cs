using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Clip.Core.Moderation;
using Pipeline.Contracts;
using Pipeline.Processing.Probes;
using Pipeline.Tests.Probes;

namespace Pipeline.Tests.Orchestrator;

/// <summary>Storing definitions through the orchestrator and checking jobs that use them, at submission.</summary>
public sealed class DefinitionEndpointsTests : IClassFixture<OrchestratorFixture>, IDisposable
{
    private readonly OrchestratorFixture _hosts;
    private readonly TempDirectory _temp = new();
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    public DefinitionEndpointsTests(OrchestratorFixture hosts) => _hosts = hosts;

    [Fact]
    public async Task PutThenGet_LabelSetsPolicyAndProbe_EachListHoldsWhatWasStored()
    {
        string yaml = $"animals-{_suffix}", lines = $"colours-{_suffix}", policy = $"weapons-{_suffix}";
        string probe = $"scene-{_suffix}";

        await PutAsync($"/label-sets/{yaml}", "classes: [cat, dog, {name: bird, prompts: [a bird.]}]\n",
            "application/yaml");
        await PutAsync($"/label-sets/{lines}", "# colours\nred\ngreen\r\nblue\n", "text/plain");
        await PutAsync($"/policies/{policy}", PolicyJson(policy), "application/json");
        JsonElement stored = await PutAsync($"/probes/{probe}?minProbability=0.25", ProbeFile(Probe()),
            "application/json");

        Assert.Equal(0.25f, stored.GetProperty("definition").GetProperty("MinProbability").GetSingle());
        Assert.Equal(["cat", "dog", "bird"], Classes(await FindAsync("/label-sets", yaml)).Select(NameOf));
        Assert.Equal(["red", "green", "blue"], Classes(await FindAsync("/label-sets", lines)).Select(NameOf));
        Assert.Equal(0.8f, (await FindAsync("/policies", policy)).GetProperty("FlagThreshold").GetSingle());
        Assert.Equal(TestProbes.SceneClasses, Classes(await FindAsync("/probes", probe)).Select(c => c.GetString()));
    }

    [Fact]
    public async Task PutPolicy_BodyNamesAnotherPolicy_IsAValidationProblemNamingBoth()
    {
        var response = await SendAsync($"/policies/guns-{_suffix}", PolicyJson("knives"), "application/json");

        string problem = await ProblemAsync(response, "body");
        Assert.Contains($"named 'knives' but stored as 'guns-{_suffix}'", problem);
    }

    [Fact]
    public async Task PutProbe_ProbeOnMemeFeatures_IsAValidationProblem()
    {
        var meme = Probe() with { Features = MemeFeatures.FeatureKind };

        var response = await SendAsync($"/probes/memes-{_suffix}", ProbeFile(meme), "application/json");

        Assert.Contains("not on image embeddings", await ProblemAsync(response, "body"));
        Assert.Null(await _hosts.Database.Storage.Definitions.FindProbeAsync($"memes-{_suffix}",
            CancellationToken.None));
    }

    [Fact]
    public async Task SubmitJob_NamesNotStored_IsAValidationProblemNamingEach()
    {
        var response = await _hosts.Http.PostAsJsonAsync("/jobs", new
        {
            source = _temp.Path,
            model = _hosts.Model.Name,
            labelSetNames = new[] { $"missing-set-{_suffix}" },
            policyNames = new[] { $"missing-policy-{_suffix}" },
            probeNames = new[] { $"missing-probe-{_suffix}" },
        });

        Assert.Contains($"'missing-set-{_suffix}'", await ProblemAsync(response, "labelSetNames"));
        Assert.Contains($"'missing-policy-{_suffix}'", await ProblemAsync(response, "policyNames"));
        Assert.Contains($"'missing-probe-{_suffix}'", await ProblemAsync(response, "probeNames"));
    }

    [Fact]
    public async Task SubmitJob_ProbeTrainedForAnotherModel_IsAValidationProblem()
    {
        var response = await _hosts.Http.PostAsJsonAsync("/jobs", new
        {
            source = _temp.Path,
            model = _hosts.Model.Name,
            probes = new[] { Probe() with { ModelContentHash = "weights-of-another-model" } },
        });

        string problem = await ProblemAsync(response, "probes");
        Assert.Contains("'scene' was trained for model 'tiny-clip' (content hash weights-of-a", problem);
        Assert.Contains(_hosts.Model.FileHash[..12], problem);
    }

    [Fact]
    public async Task SubmitJob_ProbeOnMemeFeatures_IsAValidationProblem()
    {
        var response = await _hosts.Http.PostAsJsonAsync("/jobs", new
        {
            source = _temp.Path,
            model = _hosts.Model.Name,
            probes = new[] { Probe() with { Features = MemeFeatures.FeatureKind } },
        });

        Assert.Contains("only probes trained with clip probe train --data can run as a job task",
            await ProblemAsync(response, "probes"));
    }

    [Fact]
    public async Task SubmitJob_ProbeNamedLikeALabelSetOfTheJob_IsAValidationProblem()
    {
        var response = await _hosts.Http.PostAsJsonAsync("/jobs", new
        {
            source = _temp.Path,
            model = _hosts.Model.Name,
            labels = new[] { "cat", "dog" },
            probes = new[] { Probe() with { Name = "labels" } },
        });

        Assert.Contains("'labels' has the name of another label set or probe", await ProblemAsync(response, "probes"));
    }

    public void Dispose() => _temp.Dispose();

    private LinearProbeDefinition Probe() =>
        TestProbes.For(_hosts.Model.Name, _hosts.Model.FileHash, _hosts.Model.EmbeddingDim);

    private string ProbeFile(LinearProbeDefinition probe)
    {
        string path = Path.Combine(_temp.Path, "probe.json");
        probe.ToLinearProbe().Save(path);
        return File.ReadAllText(path);
    }

    private static string PolicyJson(string name) => JsonSerializer.Serialize(new
    {
        name,
        positive = new[] { "a photo of a weapon." },
        negative = new[] { "a photo of something harmless." },
        thresholds = new { flag = 0.8, review = 0.5 },
    });

    private async Task<HttpResponseMessage> SendAsync(string path, string body, string contentType) =>
        await _hosts.Http.PutAsync(path, new StringContent(body, Encoding.UTF8, contentType));

    private async Task<JsonElement> PutAsync(string path, string body, string contentType)
    {
        var response = await SendAsync(path, body, contentType);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT {path}: {response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task<JsonElement> FindAsync(string list, string name)
    {
        var all = await _hosts.Http.GetFromJsonAsync<JsonElement>(list);
        return all.EnumerateArray().Single(d => d.GetProperty("name").GetString() == name).GetProperty("definition");
    }

    private static async Task<string> ProblemAsync(HttpResponseMessage response, string field)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        JsonElement errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        return string.Join(" | ", errors.GetProperty(field).EnumerateArray().Select(e => e.GetString()));
    }

    private static IEnumerable<JsonElement> Classes(JsonElement definition) =>
        definition.GetProperty("Classes").EnumerateArray();

    private static string? NameOf(JsonElement labelClass) => labelClass.GetProperty("Name").GetString();
}
