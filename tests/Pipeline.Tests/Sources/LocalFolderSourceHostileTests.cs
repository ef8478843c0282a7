using System.Diagnostics;
using Pipeline.Contracts;
using Pipeline.Sources;

namespace Pipeline.Tests.Sources;

public sealed class LocalFolderSourceHostileTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ListPagesAsync_FolderWithASymlinkLoop_ListsEachFileOnce()
    {
        using var dir = new TempDirectory();
        dir.Write("a.jpg", [1]);
        Directory.CreateDirectory(Path.Combine(dir.Path, "loop"));
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "loop", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "loop", "self"), "../loop");
        using var timeout = new CancellationTokenSource(Patience);

        var listed = new List<ImageReference>();
        await foreach (var page in new LocalFolderSource(dir.Path).ListPagesAsync(16, timeout.Token))
        {
            listed.AddRange(page);
            Assert.True(listed.Count < 100, "The listing keeps following the symlink loop.");
        }

        Assert.Equal(["a.jpg"], listed.Select(i => Path.GetFileName(i.Uri)));
    }

    [Fact]
    public async Task ReadAsync_FifoNamedLikeAnImage_FailsInsteadOfBlocking()
    {
        using var dir = new TempDirectory();
        string fifo = Path.Combine(dir.Path, "pipe.jpg");
        MakeFifo(fifo);
        var source = new LocalFolderSource(dir.Path);

        Task<byte[]> read = Task.Run(() => source.ReadAsync(new ImageReference(fifo), 4096, CancellationToken.None));
        Task first = await Task.WhenAny(read, Task.Delay(Patience));
        if (first != read)
        {
            // Unblock the reader so the test process can end, then fail.
            await using (new FileStream(fifo, FileMode.Open, FileAccess.Write))
            {
            }

            Assert.Fail("Reading a FIFO blocked until a writer appeared.");
        }

        await Assert.ThrowsAsync<ImageReadException>(() => read);
    }

    [Fact]
    public async Task ReadAsync_StreamWhoseSizeIsUnknownUpFront_StopsAtTheLimit()
    {
        using var dir = new TempDirectory();
        string fifo = Path.Combine(dir.Path, "stream.png");
        MakeFifo(fifo);
        var source = new LocalFolderSource(dir.Path);
        Task writer = Task.Run(async () =>
        {
            await using var output = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            await output.WriteAsync(new byte[64 * 1024]);
        });

        var error = await Assert.ThrowsAsync<ImageReadException>(
            () => source.ReadAsync(new ImageReference(fifo), 4096, CancellationToken.None));
        await writer.WaitAsync(Patience);

        Assert.Equal("too-large", error.Kind);
    }

    [Fact]
    public async Task ListPagesAsync_FileNameThatIsNotUtf8_StillListsTheOtherImages()
    {
        using var dir = new TempDirectory();
        dir.Write("a.jpg", [1]);

        // .NET cannot spell such a name, so the shell makes it from raw bytes.
        using (var shell = Process.Start(new ProcessStartInfo("sh", ["-c", "printf x > \"$(printf 'bad\\377.jpg')\""])
               {
                   WorkingDirectory = dir.Path,
               })!)
        {
            shell.WaitForExit();
            Assert.Equal(0, shell.ExitCode);
        }

        var listed = new List<ImageReference>();
        await foreach (var page in new LocalFolderSource(dir.Path).ListPagesAsync(16, CancellationToken.None))
        {
            listed.AddRange(page);
        }

        Assert.Contains(listed, i => Path.GetFileName(i.Uri) == "a.jpg");
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path])!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
