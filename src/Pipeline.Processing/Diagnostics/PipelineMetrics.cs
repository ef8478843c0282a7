using System.Diagnostics.Metrics;

namespace Pipeline.Processing.Diagnostics;

/// <summary>
/// OpenTelemetry instruments of the pipeline, under the meter <see cref="MeterName"/>: images embedded and failed,
/// batch latency, and batches waiting (published but not completed) as seen by the orchestrator.
/// </summary>
public sealed class PipelineMetrics : IDisposable
{
    /// <summary>Name of the meter to subscribe to.</summary>
    public const string MeterName = "Clip.Pipeline";

    private readonly Meter _meter;
    private readonly Counter<long> _imagesEmbedded;
    private readonly Counter<long> _imagesFailed;
    private readonly Histogram<double> _batchSeconds;
    private long _batchesPending;

    /// <summary>Creates the instruments.</summary>
    public PipelineMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _imagesEmbedded = _meter.CreateCounter<long>("clip.images.embedded", "{image}", "Images embedded.");
        _imagesFailed = _meter.CreateCounter<long>("clip.images.failed", "{image}", "Images that failed.");
        _batchSeconds = _meter.CreateHistogram<double>("clip.batch.duration", "s", "Time to process a batch.");
        _meter.CreateObservableGauge(
            "clip.batches.pending",
            () => Interlocked.Read(ref _batchesPending),
            "{batch}",
            "Batches published and not yet completed (the queue depth seen by the orchestrator).");
    }

    /// <summary>Records one processed batch.</summary>
    public void RecordBatch(int embedded, int failed, TimeSpan elapsed)
    {
        _imagesEmbedded.Add(embedded);
        _imagesFailed.Add(failed);
        _batchSeconds.Record(elapsed.TotalSeconds);
    }

    /// <summary>A batch was published.</summary>
    public void BatchPublished() => Interlocked.Increment(ref _batchesPending);

    /// <summary>A batch completed for the first time.</summary>
    public void BatchCompleted() => Interlocked.Decrement(ref _batchesPending);

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
