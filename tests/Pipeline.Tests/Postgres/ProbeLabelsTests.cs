using Clip.Core.Models;
using Pipeline.Contracts;
using Pipeline.Storage;
using Pipeline.Tests.Curation;
using Pipeline.Tests.Probes;

namespace Pipeline.Tests.Postgres;

/// <summary>The labels of a linear probe written by the PostgreSQL result sink, as distributed workers do.</summary>
public sealed class ProbeLabelsTests : IDisposable
{
    private static readonly string[] Pictures =
        ["skimage_chelsea.png", "mlnet_banana.jpg", "pillow_flower.jpg", "wuffs_hat.jpeg"];

    private readonly TempDirectory _images = new();

    [Fact]
    public async Task WriteBatchAsync_JobWithAProbe_StoresItsTopClassesUnderTheProbesNameForEachImage()
    {
        foreach (string name in Pictures)
        {
            File.Copy(Path.Combine(TinyCorpus.RealImages, name), Path.Combine(_images.Path, name));
        }

        await using var db = await FreshDatabase.CreateAsync();
        LinearProbeDefinition probe;
        using (var model = ClipModel.Load(TinyCorpus.ModelDirectory))
        {
            probe = TestProbes.For(model.Name, model.Info.ContentHash, model.EmbeddingDimension, "scene-probe");
        }

        ModelRecord stored = await TinyCorpus.EmbedAsync(db, _images.Path, new JobTasks([], 3, Probes: [probe]));

        foreach (string name in Pictures)
        {
            long id = await db.ScalarAsync<long>("SELECT id FROM images WHERE source_uri LIKE @uri",
                ("uri", "%/" + name));
            float[] embedding = (await db.Storage.Embeddings.FindAsync(stored, id, CancellationToken.None))!;
            var labels = await db.Storage.Labels.GetForImageAsync(id, CancellationToken.None);
            var expected = TestProbes.Expected(probe, embedding, 3)
                .Select(l => new StoredLabel(stored.Id, "scene-probe", l.Label, l.Score, (short)l.Rank));
            Assert.Equal(expected, labels);
        }
    }

    public void Dispose() => _images.Dispose();
}
