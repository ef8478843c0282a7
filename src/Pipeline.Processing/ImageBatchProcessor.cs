using System.Buffers;
using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts;
using Pipeline.Processing.Diagnostics;
using Pipeline.Processing.Engine;
using Pipeline.Processing.Probes;
using Pipeline.Sources;
using Pipeline.Storage.Results;

namespace Pipeline.Processing;

/// <summary>
/// The worker's work on one batch: read the images concurrently, decode and preprocess them in parallel, encode
/// them in one run of the model, label them (label sets and linear probes) and score them against the policies,
/// and write every result. An image that fails gets a failure record with its reason; the rest of the batch goes
/// on.
/// </summary>
public sealed class ImageBatchProcessor
{
    private readonly IClipEngine _engine;
    private readonly ImageSourceResolver _sources;
    private readonly IResultSink _sink;
    private readonly PipelineOptions _options;
    private readonly PipelineMetrics _metrics;
    private readonly ILogger<ImageBatchProcessor> _logger;

    /// <summary>Creates the processor.</summary>
    public ImageBatchProcessor(
        IClipEngine engine,
        ImageSourceResolver sources,
        IResultSink sink,
        PipelineOptions options,
        PipelineMetrics metrics,
        ILogger<ImageBatchProcessor> logger)
    {
        _engine = engine;
        _sources = sources;
        _sink = sink;
        _options = options;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Processes one batch and reports what became of each image.</summary>
    public async Task<ImageBatchEmbedded> ProcessAsync(EmbedImageBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        EnsureServes(batch);
        var clock = Stopwatch.StartNew();
        int count = batch.Images.Count;
        int tensorLength = _engine.ImageTensorLength;
        float[] pixels = ArrayPool<float>.Shared.Rent(Math.Max(1, count * tensorLength));
        try
        {
            var slots = new ImageSlot[count];
            await PrepareAllAsync(batch, pixels, slots, cancellationToken).ConfigureAwait(false);
            ImageResult[] results = EncodeAndLabel(batch, pixels, slots);
            await _sink.WriteBatchAsync(
                new BatchResult(batch.JobId, batch.BatchIndex, batch.ModelName, results),
                cancellationToken).ConfigureAwait(false);

            var failures = results
                .Where(r => r.Failure is not null)
                .Select(r => new ImageFailure(r.Uri, r.Failure!.Kind, r.Failure.Reason))
                .ToList();
            int embedded = count - failures.Count;
            int labelled = results.Count(r => r.Labels.Count > 0);
            _metrics.RecordBatch(embedded, failures.Count, clock.Elapsed);
            PipelineLog.BatchProcessed(_logger, batch.JobId, batch.BatchIndex, embedded, failures.Count,
                clock.Elapsed.TotalMilliseconds);
            return new ImageBatchEmbedded(batch.JobId, batch.BatchIndex, embedded, labelled, failures,
                clock.Elapsed, Environment.MachineName + ":" + Environment.ProcessId);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(pixels);
        }
    }

    /// <summary>
    /// Refuses, before any work, a batch that this worker cannot serve: another model, or a linear probe trained for
    /// another model. These are permanent, so the batch fails at once with the reason instead of being retried.
    /// </summary>
    private void EnsureServes(EmbedImageBatch batch)
    {
        if (!string.Equals(batch.ModelName, _engine.ModelName, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"Batch {batch.BatchIndex} of job {batch.JobId} asks for model '{batch.ModelName}', " +
                $"this worker serves '{_engine.ModelName}'.");
        }

        foreach (LinearProbeDefinition probe in batch.Tasks.ProbeList)
        {
            string? problem = ProbeChecks.Unrunnable(probe)
                ?? ProbeChecks.ModelMismatch(probe, _engine.ModelName, _engine.ModelContentHash);
            if (problem is not null)
            {
                throw new InvalidOperationException(
                    $"Batch {batch.BatchIndex} of job {batch.JobId} cannot be labelled: {problem}");
            }
        }
    }

    private async Task PrepareAllAsync(
        EmbedImageBatch batch,
        float[] pixels,
        ImageSlot[] slots,
        CancellationToken cancellationToken)
    {
        IImageSource source = _sources.Resolve(batch.Source);
        int tensorLength = _engine.ImageTensorLength;

        // Reading is I/O bound and decoding CPU bound: reads run wide, decodes as wide as the cores.
        using var decodeGate = new SemaphoreSlim(_options.DecodeParallelism);
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = _options.ReadParallelism,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, slots.Length), parallel, async (i, ct) =>
        {
            ImageReference image = batch.Images[i];
            byte[]? bytes = null;
            try
            {
                bytes = await ReadWithRetryAsync(source, image, ct).ConfigureAwait(false);
                string sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
                await decodeGate.WaitAsync(ct).ConfigureAwait(false);
                try
                {
                    PreparedImage prepared = _engine.PrepareImage(
                        bytes, pixels.AsSpan(i * tensorLength, tensorLength), ct);
                    slots[i] = ImageSlot.Ready(sha, prepared, bytes.LongLength);
                }
                finally
                {
                    decodeGate.Release();
                }
            }
            catch (ImageRejectedException e)
            {
                slots[i] = ImageSlot.Failed(e.Kind, e.Message, bytes);
            }
            catch (ImageReadException e)
            {
                slots[i] = ImageSlot.Failed(e.Kind, e.Message, null);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // An unexpected failure of one image must not take the batch down with it.
                PipelineLog.ImageFailedUnexpectedly(_logger, image.Uri, e);
                slots[i] = ImageSlot.Failed("internal-error", $"Processing failed: {e.GetType().Name}: {e.Message}",
                    bytes);
            }
        }).ConfigureAwait(false);
    }

    private async Task<byte[]> ReadWithRetryAsync(IImageSource source, ImageReference image, CancellationToken ct)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await source.ReadAsync(image, _options.MaxImageBytes, ct).ConfigureAwait(false);
            }
            catch (ImageReadException e) when (e.IsTransient && attempt < _options.ReadAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct).ConfigureAwait(false);
            }
        }
    }

    private ImageResult[] EncodeAndLabel(EmbedImageBatch batch, float[] pixels, ImageSlot[] slots)
    {
        int tensorLength = _engine.ImageTensorLength;
        int dimension = _engine.EmbeddingDimension;

        // Move the good images together so the model runs once over a dense batch.
        var ready = new List<int>(slots.Length);
        for (int i = 0; i < slots.Length; i++)
        {
            if (slots[i].IsReady)
            {
                if (ready.Count != i)
                {
                    pixels.AsSpan(i * tensorLength, tensorLength).CopyTo(pixels.AsSpan(ready.Count * tensorLength));
                }

                ready.Add(i);
            }
        }

        float[] embeddings = new float[ready.Count * dimension];
        IReadOnlyList<ImageLabel>[] labels = [];
        IReadOnlyList<ImageModeration>[] moderation = [];
        if (ready.Count > 0)
        {
            _engine.EncodeImages(pixels.AsSpan(0, ready.Count * tensorLength), ready.Count, embeddings);
            if (batch.Tasks.LabelSets.Count > 0)
            {
                labels = _engine.Classify(batch.Tasks.LabelSets, embeddings, ready.Count, batch.Tasks.TopK);
            }

            if (batch.Tasks.ProbeList.Count > 0)
            {
                var probeLabels = _engine.ApplyProbes(batch.Tasks.ProbeList, embeddings, ready.Count,
                    batch.Tasks.TopK);
                labels = labels.Length == 0
                    ? probeLabels
                    : labels.Select((zeroShot, row) => (IReadOnlyList<ImageLabel>)[.. zeroShot, .. probeLabels[row]])
                        .ToArray();
            }

            if (batch.Tasks.PolicyList.Count > 0)
            {
                moderation = _engine.Moderate(batch.Tasks.PolicyList, embeddings, ready.Count);
            }
        }

        var results = new ImageResult[slots.Length];
        for (int i = 0; i < slots.Length; i++)
        {
            ImageSlot slot = slots[i];
            results[i] = new ImageResult(
                batch.Images[i].Uri, null, [], slot.Failure, slot.Sha256, 0, 0, slot.ByteSize);
        }

        for (int row = 0; row < ready.Count; row++)
        {
            int i = ready[row];
            ImageSlot slot = slots[i];
            results[i] = new ImageResult(
                batch.Images[i].Uri,
                embeddings.AsSpan(row * dimension, dimension).ToArray(),
                labels.Length > 0 ? labels[row] : [],
                null,
                slot.Sha256,
                slot.Prepared.Width,
                slot.Prepared.Height,
                slot.ByteSize,
                moderation.Length > 0 ? moderation[row] : null);
        }

        return results;
    }
}
