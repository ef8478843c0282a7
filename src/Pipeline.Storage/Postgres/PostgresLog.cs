using Microsoft.Extensions.Logging;

namespace Pipeline.Storage.Postgres;

/// <summary>Every log message of the PostgreSQL store. Event ids: 1xxx schema, 2xxx models, 3xxx results,
/// 4xxx jobs. Connection strings, embeddings and image bytes are never logged.</summary>
internal static partial class PostgresLog
{
    [LoggerMessage(1001, LogLevel.Information, "Applied schema migration {Version} ({Name}) in {ElapsedMs} ms")]
    public static partial void MigrationApplied(ILogger logger, int version, string name, long elapsedMs);

    [LoggerMessage(1002, LogLevel.Debug, "Schema is up to date at version {Version}")]
    public static partial void SchemaUpToDate(ILogger logger, int version);

    [LoggerMessage(2001, LogLevel.Information, "Registered model {ModelId}: {Name} {Version}, {EmbeddingDim} dims")]
    public static partial void ModelRegistered(
        ILogger logger,
        int modelId,
        string name,
        string version,
        int embeddingDim);

    [LoggerMessage(2002, LogLevel.Information, "Search index for model {ModelId} ready in {ElapsedMs} ms")]
    public static partial void SearchIndexReady(ILogger logger, int modelId, long elapsedMs);

    [LoggerMessage(2003, LogLevel.Information, "Model {ModelId} is now the active model")]
    public static partial void ModelActivated(ILogger logger, int modelId);

    [LoggerMessage(3001, LogLevel.Debug, "Wrote {Count} embeddings of model {ModelId} in {ElapsedMs} ms")]
    public static partial void EmbeddingsWritten(ILogger logger, int count, int modelId, long elapsedMs);

    [LoggerMessage(3002, LogLevel.Debug, "Wrote labels of {Count} images for label set {LabelSetId}")]
    public static partial void LabelsWritten(ILogger logger, int count, int labelSetId);

    [LoggerMessage(3003, LogLevel.Debug, "Wrote {Count} moderation scores for policy {PolicyId}")]
    public static partial void ModerationWritten(ILogger logger, int count, int policyId);

    [LoggerMessage(3004, LogLevel.Debug, "Recorded {Count} image errors of job {JobId}")]
    public static partial void ImageErrorsWritten(ILogger logger, int count, Guid jobId);

    [LoggerMessage(4001, LogLevel.Information, "Job {JobId} recorded")]
    public static partial void JobCreated(ILogger logger, Guid jobId);

    [LoggerMessage(4002, LogLevel.Debug, "Batch {BatchIndex} of job {JobId} was already {State}: not counted again")]
    public static partial void BatchAlreadyCounted(ILogger logger, int batchIndex, Guid jobId, BatchState state);

    [LoggerMessage(4003, LogLevel.Information, "Job {JobId} is {State}")]
    public static partial void JobStateChanged(ILogger logger, Guid jobId, JobState state);
}
