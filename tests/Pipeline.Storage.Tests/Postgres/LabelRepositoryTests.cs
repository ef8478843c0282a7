using Pipeline.Storage.Postgres;

namespace Pipeline.Storage.Tests.Postgres;

public sealed class LabelRepositoryTests : IClassFixture<PostgresDatabaseFixture>
{
    private readonly PostgresStorage _storage;

    public LabelRepositoryTests(PostgresDatabaseFixture database) => _storage = database.Storage;

    [Fact]
    public async Task WriteAsync_BatchWrittenAgainWithOtherLabels_KeepsOnlyTheLatestLabels()
    {
        var (model, labelSet, imageId) = await ArrangeAsync();

        await _storage.Labels.WriteAsync(
            model.Id,
            labelSet.Id,
            [new ImageLabels(imageId, [new("cat", 0.7f), new("dog", 0.2f)])],
            CancellationToken.None);
        await _storage.Labels.WriteAsync(
            model.Id,
            labelSet.Id,
            [new ImageLabels(imageId, [new("dog", 0.6f), new("fox", 0.3f)])],
            CancellationToken.None);

        var labels = await _storage.Labels.GetForImageAsync(imageId, CancellationToken.None);
        StoredLabel[] expected =
        [
            new(model.Id, labelSet.Name, "dog", 0.6f, 1),
            new(model.Id, labelSet.Name, "fox", 0.3f, 2),
        ];
        Assert.Equal(expected, labels);
    }

    [Fact]
    public async Task WriteAsync_LabelTwiceForOneImage_Throws()
    {
        var (model, labelSet, imageId) = await ArrangeAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => _storage.Labels.WriteAsync(
            model.Id,
            labelSet.Id,
            [new ImageLabels(imageId, [new("cat", 0.5f), new("cat", 0.4f)])],
            CancellationToken.None));
    }

    [Fact]
    public async Task ModerationWriteAsync_SameImageScoredAgain_KeepsTheLatestScore()
    {
        var (model, _, imageId) = await ArrangeAsync();
        var policy = await _storage.Definitions.SavePolicyAsync(
            $"policy-{Guid.NewGuid():N}",
            """{"review":0.5,"flag":0.9}""",
            CancellationToken.None);

        await _storage.Moderation.WriteAsync(
            model.Id,
            policy.Id,
            [new ModerationResult(imageId, 0.95f, ModerationDecision.Flag)],
            CancellationToken.None);
        await _storage.Moderation.WriteAsync(
            model.Id,
            policy.Id,
            [new ModerationResult(imageId, 0.6f, ModerationDecision.Review)],
            CancellationToken.None);

        var scores = await _storage.Moderation.GetForImageAsync(imageId, CancellationToken.None);
        Assert.Equal([new StoredModerationScore(model.Id, policy.Name, 0.6f, ModerationDecision.Review)], scores);
    }

    private async Task<(ModelRecord Model, NamedDefinition LabelSet, long ImageId)> ArrangeAsync()
    {
        var model = await _storage.Models.RegisterAsync(TestData.Model(8), CancellationToken.None);
        var labelSet = await _storage.Definitions.SaveLabelSetAsync(
            $"animals-{Guid.NewGuid():N}",
            """{"labels":["cat","dog","fox"]}""",
            CancellationToken.None);
        var uri = TestData.Uri("pet");
        var ids = await _storage.Images.UpsertAsync([TestData.Image(uri)], CancellationToken.None);
        return (model, labelSet, ids[uri]);
    }
}
