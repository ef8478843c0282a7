using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Pipeline.Tests.Probes;

namespace Pipeline.Tests.Orchestrator;

/// <summary>
/// Jobs whose inline or named definitions could not run are refused at submission, and store nothing.
/// </summary>
public sealed class JobDefinitionChecksTests : IClassFixture<OrchestratorFixture>, IDisposable
{
    private readonly OrchestratorFixture _hosts;
    private readonly TempDirectory _temp = new();
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    public JobDefinitionChecksTests(OrchestratorFixture hosts) => _hosts = hosts;

    [Fact]
    public async Task SubmitJob_ProbeOfAnotherEmbeddingDimension_IsAValidationProblemNamingBoth()
    {
        int half = _hosts.Model.EmbeddingDim / 2;
        var probe = TestProbes.For(_hosts.Model.Name, _hosts.Model.FileHash, half);

        var response = await SubmitAsync(new { probes = new[] { probe } });

        string problem = await ProblemAsync(response, "probes");
        Assert.Contains($"{half} floats", problem);
        Assert.Contains($"{_hosts.Model.EmbeddingDim}", problem);
    }

    [Fact]
    public async Task SubmitJob_InlineLabelSetWithoutClasses_IsAValidationProblemAndIsNotStored()
    {
        string name = $"empty-{_suffix}";

        var response = await SubmitAsync(new { labelSets = new[] { new { name, classes = Array.Empty<object>() } } });

        Assert.Contains($"'{name}'", await ProblemAsync(response, "labelSets"));
        Assert.Null(await _hosts.Database.Storage.Definitions.FindLabelSetAsync(name, CancellationToken.None));
    }

    [Fact]
    public async Task SubmitJob_InlineAndStoredLabelSetOfOneName_IsAValidationProblem()
    {
        string name = $"pets-{_suffix}";
        var put = await _hosts.Http.PutAsync($"/label-sets/{name}",
            new StringContent("cat\ndog\n", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var response = await SubmitAsync(new
        {
            labelSets = new[] { new { name, classes = new[] { new { name = "fish" }, new { name = "bird" } } } },
            labelSetNames = new[] { name },
        });

        Assert.Contains($"'{name}'", await ProblemAsync(response, "labelSets"));
    }

    [Fact]
    public async Task SubmitJob_InlinePolicyWithoutPrompts_IsAValidationProblemAndIsNotStored()
    {
        string name = $"hollow-{_suffix}";

        var response = await SubmitAsync(new
        {
            policies = new[]
            {
                new { name, positivePrompts = Array.Empty<string>(), negativePrompts = Array.Empty<string>() },
            },
        });

        Assert.Contains($"'{name}'", await ProblemAsync(response, "policies"));
        Assert.Null(await _hosts.Database.Storage.Definitions.FindPolicyAsync(name, CancellationToken.None));
    }

    [Theory]
    [InlineData("", "body")]
    [InlineData("{\"source\": 5, \"model\": \"x\"}", "$.source")]
    [InlineData("{\"source\": \"/tmp\", \"model\": \"x\", \"labelSetNames\": \"animals\"}", "$.labelSetNames")]
    public async Task SubmitJob_BodyThatCannotBeRead_IsAValidationProblemSayingWhere(string body, string expected)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await _hosts.Http.PostAsync("/jobs", content);

        string problem = await ProblemAsync(response, "body");
        Assert.Contains(expected, problem);
    }

    public void Dispose() => _temp.Dispose();

    private async Task<HttpResponseMessage> SubmitAsync(object tasks)
    {
        var body = JsonSerializer.SerializeToNode(tasks)!.AsObject();
        body["source"] = _temp.Path;
        body["model"] = _hosts.Model.Name;
        return await _hosts.Http.PostAsJsonAsync("/jobs", body);
    }

    private static async Task<string> ProblemAsync(HttpResponseMessage response, string field)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        JsonElement errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out JsonElement messages), $"No problem for {field}: {text}");
        return string.Join(" | ", messages.EnumerateArray().Select(e => e.GetString()));
    }
}
