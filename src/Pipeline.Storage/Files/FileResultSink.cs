using System.Text.Json;
using Parquet;
using Parquet.Serialization;
using Pipeline.Storage.Results;

namespace Pipeline.Storage.Files;

/// <summary>
/// Writes results to files that pandas, DuckDB and numpy read: <c>embeddings.parquet</c> (one row group per
/// batch), <c>embeddings.npy</c> (float32, one row per embedded image, written when the job completes) and
/// <c>results.jsonl</c> (one line per image: labels, or the failure and its reason; <c>row</c> is the image's
/// row in both embedding files).
/// </summary>
public sealed class FileResultSink : IResultSink, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<(Guid, int)> _written = [];
    private readonly string _directory;
    private readonly string _rawEmbeddingsPath;
    private Exception? _broken;
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
        foreach (string name in new[] { ParquetName, NpyName, ResultsName })
        {
            File.Delete(Path.Combine(_directory, name));
        }

        File.Delete(_rawEmbeddingsPath);
    }

    /// <summary>File name of the Parquet embeddings.</summary>
    public const string ParquetName = "embeddings.parquet";

    /// <summary>File name of the numpy embeddings.</summary>
    public const string NpyName = "embeddings.npy";

    /// <summary>File name of the per-image results.</summary>
    public const string ResultsName = "results.jsonl";

    /// <summary>The output folder.</summary>
    public string OutputDirectory => _directory;

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

            // The three files are appended one after the other; if one append fails the files no longer agree,
            // so the sink refuses every later batch rather than write results that do not line up.
            try
            {
                var embedded = batch.Images.Where(i => i.Succeeded).ToList();
                await AppendParquetAsync(batch.ModelName, embedded, cancellationToken).ConfigureAwait(false);
                await AppendRawEmbeddingsAsync(embedded, cancellationToken).ConfigureAwait(false);
                await AppendResultLinesAsync(batch, cancellationToken).ConfigureAwait(false);
                _written.Add((batch.JobId, batch.BatchIndex));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _broken = e;
                throw;
            }
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
            string npy = Path.Combine(_directory, NpyName);
            await using (var output = File.Create(npy))
            {
                NpyHeader.WriteFloat32(output, _rows, _dimension);
                if (File.Exists(_rawEmbeddingsPath))
                {
                    await using var raw = File.OpenRead(_rawEmbeddingsPath);
                    await raw.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
                }
            }

            File.Delete(_rawEmbeddingsPath);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async Task AppendParquetAsync(string model, List<ImageResult> embedded, CancellationToken ct)
    {
        if (embedded.Count == 0)
        {
            return;
        }

        string path = Path.Combine(_directory, ParquetName);
        bool append = File.Exists(path);
        var rows = embedded.Select(i => new EmbeddingRow { Uri = i.Uri, Model = model, Embedding = i.Embedding! });
        await using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
        var options = new ParquetOptions { Append = append };
        await ParquetSerializer.SerializeAsync(rows, stream, options, null, ct).ConfigureAwait(false);
    }

    private async Task AppendRawEmbeddingsAsync(List<ImageResult> embedded, CancellationToken ct)
    {
        await using var raw = new FileStream(_rawEmbeddingsPath, FileMode.Append, FileAccess.Write);
        foreach (ImageResult image in embedded)
        {
            if (_dimension == 0)
            {
                _dimension = image.Embedding!.Length;
            }
            else if (image.Embedding!.Length != _dimension)
            {
                throw new InvalidOperationException(
                    $"Embedding of {image.Uri} has {image.Embedding.Length} values, the job's others {_dimension}.");
            }

            await raw.WriteAsync(System.Runtime.InteropServices.MemoryMarshal.AsBytes(image.Embedding.AsSpan())
                .ToArray(), ct).ConfigureAwait(false);
        }
    }

    private async Task AppendResultLinesAsync(BatchResult batch, CancellationToken ct)
    {
        var lines = new List<string>(batch.Images.Count);
        int row = _rows;
        foreach (ImageResult image in batch.Images)
        {
            lines.Add(JsonSerializer.Serialize(ResultLine.From(image, image.Succeeded ? row++ : null)));
        }

        _rows = row;
        await File.AppendAllLinesAsync(Path.Combine(_directory, ResultsName), lines, ct).ConfigureAwait(false);
    }
}
