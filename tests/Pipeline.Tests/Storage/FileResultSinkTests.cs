using System.Text;
using System.Text.Json;
using Parquet.Serialization;
using Pipeline.Storage.Files;
using Pipeline.Storage.Results;

namespace Pipeline.Tests.Storage;

public sealed class FileResultSinkTests
{
    private static readonly Guid Job = Guid.Parse("6f1f7a43-0c4b-4b43-9a55-0d2b7b3f0c11");

    [Fact]
    public async Task WriteBatchAsync_TwoBatchesOneRepeated_WritesEachImageOnceWithMatchingRows()
    {
        using var dir = new TempDirectory();
        using var sink = new FileResultSink(new FileResultSinkOptions { OutputDirectory = dir.Path });
        BatchResult first = Batch(0, Ok("a", 1f), Failed("b"), Ok("c", 3f));
        BatchResult second = Batch(1, Ok("d", 4f));

        await sink.WriteBatchAsync(first, CancellationToken.None);
        await sink.WriteBatchAsync(second, CancellationToken.None);
        await sink.WriteBatchAsync(first, CancellationToken.None);
        await sink.CompleteJobAsync(Job, CancellationToken.None);

        var lines = File.ReadAllLines(Path.Combine(dir.Path, FileResultSink.ResultsName))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToList();
        Assert.Equal(["a", "b", "c", "d"], lines.Select(l => l.GetProperty("uri").GetString()));
        Assert.Equal("error", lines[1].GetProperty("status").GetString());
        Assert.Equal("corrupt", lines[1].GetProperty("error").GetString());
        Assert.False(lines[1].TryGetProperty("row", out _));
        Assert.Equal(
            [0, 1, 2],
            lines.Where(l => l.TryGetProperty("row", out _)).Select(l => l.GetProperty("row").GetInt32()));

        float[,] npy = ReadNpy(Path.Combine(dir.Path, FileResultSink.NpyName));
        Assert.Equal(3, npy.GetLength(0));
        Assert.Equal([1f, 3f, 4f], new[] { npy[0, 0], npy[1, 0], npy[2, 0] });

        var rows = (await ParquetSerializer.DeserializeAsync<EmbeddingRow>(
            Path.Combine(dir.Path, FileResultSink.ParquetName))).Data;
        Assert.Equal(["a", "c", "d"], rows.Select(r => r.Uri));
        Assert.Equal(3f, rows[1].Embedding[0]);
        Assert.Equal("tiny", rows[2].Model);
    }

    [Fact]
    public async Task CompleteJobAsync_NothingEmbedded_WritesAnEmptyMatrix()
    {
        using var dir = new TempDirectory();
        using var sink = new FileResultSink(new FileResultSinkOptions { OutputDirectory = dir.Path });

        await sink.WriteBatchAsync(Batch(0, Failed("x")), CancellationToken.None);
        await sink.CompleteJobAsync(Job, CancellationToken.None);

        Assert.Equal(0, ReadNpy(Path.Combine(dir.Path, FileResultSink.NpyName)).GetLength(0));
        Assert.False(File.Exists(Path.Combine(dir.Path, FileResultSink.ParquetName)));
    }

    private static BatchResult Batch(int index, params ImageResult[] images) => new(Job, index, "tiny", images);

    private static ImageResult Ok(string uri, float first) =>
        new(uri, [first, 0f], [new ImageLabel("set", "cat", 0.9f, 1)], null, "00", 10, 20);

    private static ImageResult Failed(string uri) =>
        new(uri, null, [], new ImageResultFailure("corrupt", "bad bytes"), null, 0, 0);

    // Reads a float32 .npy matrix by the format's own rules: magic, version 1.0, header length, dict, data.
    private static float[,] ReadNpy(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(0x93, bytes[0]);
        Assert.Equal("NUMPY", Encoding.ASCII.GetString(bytes, 1, 5));
        int headerLength = BitConverter.ToUInt16(bytes, 8);
        string header = Encoding.ASCII.GetString(bytes, 10, headerLength);
        Assert.Equal(0, (10 + headerLength) % 64);
        Assert.Contains("'descr': '<f4'", header);
        string shape = header[(header.IndexOf("'shape': (", StringComparison.Ordinal) + 10)..];
        int[] dims = shape[..shape.IndexOf(')', StringComparison.Ordinal)]
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(int.Parse)
            .ToArray();
        var result = new float[dims[0], dims[1]];
        Buffer.BlockCopy(bytes, 10 + headerLength, result, 0, dims[0] * dims[1] * sizeof(float));
        return result;
    }
}
