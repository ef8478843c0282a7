using Pipeline.Contracts;
using Pipeline.Processing.Curation;
using Pipeline.Sources;
using Pipeline.Storage;

namespace Pipeline.Tests.Curation;

public sealed class StoredImageSourceTests
{
    [Fact]
    public void TryParse_FormattedSource_GivesTheJobBack()
    {
        var job = Guid.NewGuid();

        Assert.True(StoredImageSource.TryParse(StoredImageSource.Format(job), out Guid parsed));
        Assert.Equal(job, parsed);
        Assert.False(StoredImageSource.TryParse("/data/images", out _));
        Assert.False(StoredImageSource.TryParse(StoredImageSource.Prefix + "not-a-guid", out _));
    }

    [Fact]
    public async Task ReadAsync_MissingFile_IsANotFoundReadError()
    {
        var reader = new StoredImageReader(null);

        var error = await Assert.ThrowsAsync<ImageReadException>(() =>
            reader.ReadAsync(new ImageReference("/nonexistent-folder/a.jpg"), 1024, CancellationToken.None));

        Assert.Equal("not-found", error.Kind);
    }

    [Fact]
    public async Task ListPagesAsync_WithoutDatabase_RefusesToList()
    {
        var source = new StoredImageSource(Guid.NewGuid(), null, new StoredImageReader(null));

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var unused in source.ListPagesAsync(10, CancellationToken.None))
            {
            }
        });
    }

    [Fact]
    public void EnsureMatches_OtherFiles_Throws()
    {
        using var encoder = QueryEncoder.Load(TinyCorpus.ModelDirectory);
        var registered = new ModelRecord(1, "tiny-clip", "v", 32, new string('0', 64), true, DateTimeOffset.UtcNow);

        Assert.Throws<InvalidOperationException>(() => encoder.EnsureMatches(registered));
        encoder.EnsureMatches(registered with { FileHash = encoder.Info.ContentHash });
    }
}
