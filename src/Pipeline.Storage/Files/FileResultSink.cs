using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Parquet;
using Parquet.Serialization;
using Pipeline.Storage.Results;

namespace Pipeline.Storage.Files;

/// <summary>
/// Writes results to files that pandas, DuckDB and numpy read: <c>results.jsonl</c> (one line per image, written
/// as batches complete: labels and moderation, or the failure and its reason; <c>row</c> is the image's row in
/// both embedding files), and when the job completes <c>embeddings.npy</c> (float32, one row per embedded image)
/// and <c>embeddings.parquet</c> (uri, model, embedding).
/// </summary>
/// <remarks>
/// During the job only append-only files grow; a batch whose write fails is cut off them again, so a retried
/// batch is written once and the files always agree.
/// </remarks>
public sealed class FileResultSink : IResultSink, IDisposable
{
    private const int ParquetRowGroup = 8192;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<(Guid, int)> _written = [];
    private readonly string _directory;
    private readonly string _rawEmbeddingsPath;
    private readonly string _rowIndexPath;
    private Exception? _broken;
    private string _model = string.Empty;
    private int _rows;
    private int _dimension;

    /// <summary>Creates the sink; the output folder is created and any earlier results in it are replaced.</summary>
    public FileResultSink(FileResultSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _directory = Path.GetFullPath(options.OutputDirectory);
        Directory.CreateDirectory(_directory);
        _rawEmbeddingsPath = Path.Combine(_directory, "embeddings.f32.partial");
        _rowIndexPath = Path.Combine(_directory, "embeddings.uris.partial");
        foreach (string name in new[] { ParquetName, NpyName, ResultsName })
        {
            File.Delete(Path.Combine(_directory, name));
        }

        File.Delete(_rawEmbeddingsPath);
        File.Delete(_rowIndexPath);
    }

    /// <summary>File name of the Parquet embeddings.</summary>
    public const string ParquetName = "embeddings.parquet";

    /// <summary>File name of the numpy embeddings.</summary>
    public const string NpyName = "embeddings.npy";

    /// <summary>File name of the per-image results.</summary>
    public const string ResultsName = "results.jsonl";

    /// <summary>The output folder.</summary>
    public string OutputDirectory => _directory;

    private string ResultsPath => Path.Combine(_directory, ResultsName);

    /// <inheritdoc />
    public async Task WriteBatchAsync(BatchResult batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_broken is not null)
            {
                throw new IOException($"Results can no longer be written to {_directory}: {_broken.Message}",
                    _broken);
            }

            if (_written.Contains((batch.JobId, batch.BatchIndex)))
            {
                return;
            }

            var embedded = batch.Images.Where(i => i.Succeeded).ToList();
            CheckDimensions(embedded);
            (byte[] raw, byte[] uris, byte[] lines) = Serialize(batch, embedded);
            await AppendAllAsync(raw, uris, lines, cancellationToken).ConfigureAwait(false);
            _rows += embedded.Count;
            _model = batch.ModelName;
            _written.Add((batch.JobId, batch.BatchIndex));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task CompleteJobAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteNpyAsync(cancellationToken).ConfigureAwait(false);
            await WriteParquetAsync(cancellationToken).ConfigureAwait(false);
            File.Delete(_rawEmbeddingsPath);
            File.Delete(_rowIndexPath);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private void CheckDimensions(List<ImageResult> embedded)
    {
        foreach (ImageResult image in embedded)
        {
            int length = image.Embedding!.Length;
            if ((_dimension != 0 && length != _dimension) || (embedded[0].Embedding!.Length != length))
            {
                throw new InvalidOperationException(
                    $"Embedding of {image.Uri} has {length} values, the job's others {_dimension}.");
            }
        }

        if (_dimension == 0 && embedded.Count > 0)
        {
            _dimension = embedded[0].Embedding!.Length;
        }
    }

    private (byte[] Raw, byte[] Uris, byte[] Lines) Serialize(BatchResult batch, List<ImageResult> embedded)
    {
        var raw = new MemoryStream();
        var uris = new StringBuilder();
        foreach (ImageResult image in embedded)
        {
            raw.Write(MemoryMarshal.AsBytes(image.Embedding.AsSpan()));

            // One JSON string per line keeps any character of a URI, line breaks included, on its line.
            uris.Append(JsonSerializer.Serialize(image.Uri)).Append('\n');
        }

        var lines = new StringBuilder();
        int row = _rows;
        foreach (ImageResult image in batch.Images)
        {
            lines.Append(JsonSerializer.Serialize(ResultLine.From(image, image.Succeeded ? row++ : null)))
                .Append('\n');
        }

        return (raw.ToArray(), Encoding.UTF8.GetBytes(uris.ToString()), Encoding.UTF8.GetBytes(lines.ToString()));
    }

    private async Task AppendAllAsync(byte[] raw, byte[] uris, byte[] lines, CancellationToken cancellationToken)
    {
        string[] paths = [_rawEmbeddingsPath, _rowIndexPath, ResultsPath];
        byte[][] contents = [raw, uris, lines];
        long[] lengths = paths.Select(p => File.Exists(p) ? new FileInfo(p).Length : 0).ToArray();
        try
        {
            for (int i = 0; i < paths.Length; i++)
            {
                await using var file = new FileStream(paths[i], FileMode.Append, FileAccess.Write);
                await file.WriteAsync(contents[i], cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            Rollback(paths, lengths);
            throw;
        }
    }

    private void Rollback(string[] paths, long[] lengths)
    {
        try
        {
            for (int i = 0; i < paths.Length; i++)
            {
                if (File.Exists(paths[i]))
                {
                    using var file = new FileStream(paths[i], FileMode.Open, FileAccess.Write);
                    file.SetLength(lengths[i]);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The files no longer agree and cannot be mended: refuse every later batch rather than mislabel rows.
            _broken = e;
        }
    }

    private async Task WriteNpyAsync(CancellationToken cancellationToken)
    {
        await using var output = File.Create(Path.Combine(_directory, NpyName));
        NpyHeader.WriteFloat32(output, _rows, _dimension);
        if (File.Exists(_rawEmbeddingsPath))
        {
            await using var raw = File.OpenRead(_rawEmbeddingsPath);
            await raw.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WriteParquetAsync(CancellationToken cancellationToken)
    {
        if (_rows == 0)
        {
            return;
        }

        await using var raw = File.OpenRead(_rawEmbeddingsPath);
        using var uris = new StreamReader(_rowIndexPath, Encoding.UTF8);
        await using var output = new FileStream(Path.Combine(_directory, ParquetName), FileMode.Create,
            FileAccess.ReadWrite);
        byte[] vector = new byte[_dimension * sizeof(float)];
        for (int start = 0; start < _rows; start += ParquetRowGroup)
        {
            var group = new List<EmbeddingRow>(Math.Min(ParquetRowGroup, _rows - start));
            for (int i = start; i < Math.Min(start + ParquetRowGroup, _rows); i++)
            {
                await raw.ReadExactlyAsync(vector, cancellationToken).ConfigureAwait(false);
                string line = await uris.ReadLineAsync(cancellationToken).ConfigureAwait(false) ?? "null";
                group.Add(new EmbeddingRow
                {
                    Uri = JsonSerializer.Deserialize<string>(line) ?? string.Empty,
                    Model = _model,
                    Embedding = MemoryMarshal.Cast<byte, float>(vector).ToArray(),
                });
            }

            var options = new ParquetOptions { Append = start > 0 };
            await ParquetSerializer.SerializeAsync(group, output, options, null, cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
