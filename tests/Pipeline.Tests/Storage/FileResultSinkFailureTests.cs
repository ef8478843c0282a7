using System.Text.Json;
using Parquet.Serialization;
using Pipeline.Storage.Files;
using Pipeline.Storage.Results;

namespace Pipeline.Tests.Storage;

public sealed class FileResultSinkFailureTests
{
    private static readonly Guid Job = Guid.Parse("0b7e3c55-1d0a-4f0e-8c7e-2a4f5d9e6b21");

    [Fact]
    public async Task WriteBatchAsync_RetriedAfterAFailedWrite_WritesTheBatch()
    {
        using var dir = new TempDirectory();
        using var sink = new FileResultSink(new FileResultSinkOptions { OutputDirectory = dir.Path });
        string results = Path.Combine(dir.Path, FileResultSink.ResultsName);
        var batch = new BatchResult(Job, 0, "tiny", [
            new ImageResult("a", [1f, 0f], [], null, "00", 10, 20),
            new ImageResult("b", null, [], new ImageResultFailure("corrupt", "bad bytes"), null, 0, 0),
        ]);

        // A folder where the results file goes makes the first write fail, as a full disk would.
        Directory.CreateDirectory(results);
        await Assert.ThrowsAnyAsync<Exception>(() => sink.WriteBatchAsync(batch, CancellationToken.None));
        Directory.Delete(results);
        await sink.WriteBatchAsync(batch, CancellationToken.None);
        await sink.CompleteJobAsync(Job, CancellationToken.None);

        Assert.True(File.Exists(results), "The retried batch wrote no results.");
        var uris = File.ReadAllLines(results)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("uri").GetString())
            .ToList();
        Assert.Equal(["a", "b"], uris);
        var rows = (await ParquetSerializer.DeserializeAsync<EmbeddingRow>(
            Path.Combine(dir.Path, FileResultSink.ParquetName))).Data;
        Assert.Equal(["a"], rows.Select(r => r.Uri));
    }
}
