using Pipeline.Contracts;
using Pipeline.Sources;

namespace Pipeline.Tests.Sources;

public sealed class LocalFolderSourceTests
{
    [Fact]
    public async Task ListPagesAsync_NestedFolders_ListsImagesInStableOrderInPagesOfTheAskedSize()
    {
        using var dir = new TempDirectory();
        dir.Write("b.png", [1]);
        dir.Write("a.JPG", [1]);
        dir.Write("notes.txt", [1]);
        dir.Write("sub/c.webp", [1]);
        dir.Write("sub/deeper/d.gif", [1]);
        dir.Write("z.jpeg", [1]);

        var pages = new List<IReadOnlyList<ImageReference>>();
        await foreach (var page in new LocalFolderSource(dir.Path).ListPagesAsync(2, CancellationToken.None))
        {
            pages.Add(page);
        }

        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        string[] names = pages.SelectMany(p => p).Select(i => Path.GetRelativePath(dir.Path, i.Uri)).ToArray();
        Assert.Equal(["a.JPG", "b.png", "z.jpeg", "sub/c.webp", "sub/deeper/d.gif"], names);
    }

    [Fact]
    public async Task ReadAsync_FileOverTheLimit_ThrowsTooLarge()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("big.png", new byte[5000]);
        var source = new LocalFolderSource(dir.Path);

        var error = await Assert.ThrowsAsync<ImageReadException>(
            () => source.ReadAsync(new ImageReference(file), 4096, CancellationToken.None));

        Assert.Equal("too-large", error.Kind);
        Assert.False(error.IsTransient);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4096)]
    [InlineData(100_000)]
    public async Task ReadAsync_FileUpToTheLimit_ReturnsEveryByte(int size)
    {
        using var dir = new TempDirectory();
        byte[] content = Enumerable.Range(0, size).Select(i => (byte)(i * 7 + 3)).ToArray();
        string file = dir.Write("photo.jpg", content);
        var source = new LocalFolderSource(dir.Path);

        byte[] read = await source.ReadAsync(new ImageReference(file), Math.Max(size, 1024), CancellationToken.None);

        Assert.Equal(content, read);
    }

    [Fact]
    public async Task ReadAsync_FileDeletedAfterListing_ThrowsNotFound()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("gone.png", [1, 2, 3]);
        var source = new LocalFolderSource(dir.Path);
        File.Delete(file);

        var error = await Assert.ThrowsAsync<ImageReadException>(
            () => source.ReadAsync(new ImageReference(file), 4096, CancellationToken.None));

        Assert.Equal("not-found", error.Kind);
    }

    [Fact]
    public void Constructor_MissingFolder_ThrowsNamingIt()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => new LocalFolderSource("/no/such/folder/here"));

        Assert.Contains("/no/such/folder/here", error.Message);
    }

    [Fact]
    public async Task ListPagesAsync_SymbolicLinkLoops_ListsEachFileOnce()
    {
        using var dir = new TempDirectory();
        dir.Write("a.jpg", [1]);
        dir.Write("loop/b.jpg", [1]);
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "loop", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "loop", "self"), "../loop");

        var names = new List<string>();
        await foreach (var page in new LocalFolderSource(dir.Path).ListPagesAsync(100, CancellationToken.None))
        {
            names.AddRange(page.Select(i => Path.GetFileName(i.Uri)));
        }

        Assert.Equal(["a.jpg", "b.jpg"], names);
    }

    [Fact]
    public async Task ReadAsync_LinkToADeviceThatNeverEnds_StopsAtTheLimit()
    {
        using var dir = new TempDirectory();
        string link = Path.Combine(dir.Path, "zero.jpg");
        File.CreateSymbolicLink(link, "/dev/zero");
        var source = new LocalFolderSource(dir.Path);

        var error = await Assert.ThrowsAsync<ImageReadException>(
            () => source.ReadAsync(new ImageReference(link, 0), 1 << 20, CancellationToken.None));

        Assert.Equal("too-large", error.Kind);
    }
}
