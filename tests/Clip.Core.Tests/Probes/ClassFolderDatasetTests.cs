using System.Numerics.Tensors;
using Clip.Core.Models;
using Clip.Core.Probes;
using Clip.Core.Tests.Embeddings;
using Clip.Core.Tests.Models;

namespace Clip.Core.Tests.Probes;

public sealed class ClassFolderDatasetTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("clip-class-folders-").FullName;

    public ClassFolderDatasetTests()
    {
        TestImageFiles.WritePng(Path.Combine(_root, "dog", "c.png"), 200, 150, 100);
        TestImageFiles.WritePng(Path.Combine(_root, "cat", "b.png"), 10, 20, 30);
        TestImageFiles.WritePng(Path.Combine(_root, "cat", "nested", "a.png"), 250, 0, 0);
        TestImageFiles.WriteBroken(Path.Combine(_root, "dog", "broken.jpg"));
        File.WriteAllText(Path.Combine(_root, "dog", "notes.txt"), "not an image");
        TestImageFiles.WritePng(Path.Combine(_root, ".cache", "x.png"), 0, 0, 0);
        Directory.CreateDirectory(Path.Combine(_root, "empty"));
    }

    [Fact]
    public void Scan_ClassFolders_ListsImagesByClassInOrdinalOrder()
    {
        ClassFolderDataset dataset = ClassFolderDataset.Scan(_root);

        Assert.Equal(["cat", "dog"], dataset.Classes);
        Assert.Equal(
            ["cat/b.png", "cat/nested/a.png", "dog/broken.jpg", "dog/c.png"],
            dataset.Paths.Select(p => Path.GetRelativePath(_root, p).Replace('\\', '/')));
        Assert.Equal([0, 0, 1, 1], dataset.Labels);
    }

    [Fact]
    public void Scan_MissingFolder_Throws()
    {
        Assert.Throws<DirectoryNotFoundException>(() => ClassFolderDataset.Scan(Path.Combine(_root, "nope")));
    }

    [Fact]
    public async Task EmbedAsync_TinyClip_EmbedsReadableImagesAndReportsTheBrokenOne()
    {
        using ClipModel model = TestModels.Load(TinyClipReference.Directory);
        ClassFolderDataset dataset = ClassFolderDataset.Scan(_root);

        ClassFolderEmbeddings result = await dataset.EmbedAsync(
            ImageFileEmbedder.Create(model, batchSize: 2),
            CancellationToken.None);

        Assert.Equal(3, result.Data.Count);
        Assert.Equal([0, 0, 1], result.Data.Labels);
        Assert.Equal(model.EmbeddingDimension, result.Data.Dimension);
        Assert.DoesNotContain(result.Paths, p => p.EndsWith("broken.jpg", StringComparison.Ordinal));
        ImageFileFailure failure = Assert.Single(result.Failures);
        Assert.EndsWith("broken.jpg", failure.Path);
        Assert.False(string.IsNullOrWhiteSpace(failure.Reason));
        for (int row = 0; row < result.Data.Count; row++)
        {
            Assert.InRange(TensorPrimitives.Norm(result.Data.Features[row]), 0.9999f, 1.0001f);
        }
    }

    [Fact]
    public async Task EmbedAsync_ThenTrain_GivesProbeBoundToTheModel()
    {
        using ClipModel model = TestModels.Load(TinyClipReference.Directory);
        var embedder = ImageFileEmbedder.Create(model);
        ClassFolderDataset dataset = ClassFolderDataset.Scan(_root);
        ClassFolderEmbeddings embedded = await dataset.EmbedAsync(embedder, CancellationToken.None);
        var options = new LinearProbeOptions { LambdaGrid = [1e-2], CrossValidationFolds = 0 };

        LinearProbe probe = LinearProbeTrainer.Train(embedded.Data, embedder.Source, options).Probe;

        probe.EnsureCompatibleWith(FeatureSource.ImageEmbeddings(model));
        Assert.Equal(model.Info.ContentHash, probe.Source.ModelContentHash);
        Assert.Equal(["cat", "dog"], probe.Classes);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
