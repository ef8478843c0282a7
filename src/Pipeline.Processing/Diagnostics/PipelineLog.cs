using Microsoft.Extensions.Logging;

namespace Pipeline.Processing.Diagnostics;

/// <summary>
/// Every log message of the pipeline. Event ids: 1xxx jobs (orchestrator), 2xxx batches (workers),
/// 3xxx model and engine.
/// </summary>
internal static partial class PipelineLog
{
    [LoggerMessage(1001, LogLevel.Information,
        "Job {JobId} started: source {Source}, model {Model}, batch size {BatchSize}")]
    public static partial void JobStarted(ILogger logger, Guid jobId, string source, string model, int batchSize);

    [LoggerMessage(1002, LogLevel.Information, "Job {JobId} listed: {Images} images in {Batches} batches")]
    public static partial void JobListed(ILogger logger, Guid jobId, int images, int batches);

    [LoggerMessage(1003, LogLevel.Information,
        "Job {JobId} finished: {Embedded} embedded, {Failed} failed, in {Seconds:F1} s")]
    public static partial void JobFinished(ILogger logger, Guid jobId, int embedded, int failed, double seconds);

    [LoggerMessage(1004, LogLevel.Debug, "Job {JobId} batch {BatchIndex} completed again; ignored")]
    public static partial void DuplicateCompletion(ILogger logger, Guid jobId, int batchIndex);

    [LoggerMessage(1005, LogLevel.Information, "Job {JobId} resumed: {Pending} batches republished")]
    public static partial void JobResumed(ILogger logger, Guid jobId, int pending);

    [LoggerMessage(1007, LogLevel.Warning, "Job {JobId} batch {BatchIndex} failed after its retries: {Reason}")]
    public static partial void BatchFailed(ILogger logger, Guid jobId, int batchIndex, string reason);

    [LoggerMessage(1006, LogLevel.Error, "Resuming unfinished job {JobId} failed (empty id: listing them failed)")]
    public static partial void ResumeFailed(ILogger logger, Guid jobId, Exception exception);

    [LoggerMessage(3001, LogLevel.Information, "Serving model {Model} {Version} (id {ModelId})")]
    public static partial void ServingModel(ILogger logger, string model, string version, int modelId);

    [LoggerMessage(2001, LogLevel.Information,
        "Job {JobId} batch {BatchIndex}: {Embedded} embedded, {Failed} failed, {Milliseconds:F0} ms")]
    public static partial void BatchProcessed(
        ILogger logger, Guid jobId, int batchIndex, int embedded, int failed, double milliseconds);

    [LoggerMessage(2002, LogLevel.Warning, "Image {Uri} failed unexpectedly")]
    public static partial void ImageFailedUnexpectedly(ILogger logger, string uri, Exception exception);

    [LoggerMessage(2003, LogLevel.Debug, "Image {Uri} rejected: {Kind}: {Reason}")]
    public static partial void ImageRejected(ILogger logger, string uri, string kind, string reason);
}
