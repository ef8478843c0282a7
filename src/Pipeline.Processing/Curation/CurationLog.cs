using Microsoft.Extensions.Logging;

namespace Pipeline.Processing.Curation;

/// <summary>Log messages of curation. Event ids 6xxx.</summary>
internal static partial class CurationLog
{
    [LoggerMessage(6001, LogLevel.Information,
        "Re-embedding with {Model} is scheduled '{Schedule}' (UTC); next at {Next}")]
    public static partial void ScheduleActive(ILogger logger, string model, string schedule, DateTimeOffset? next);

    [LoggerMessage(6002, LogLevel.Information,
        "Scheduled re-embedding with {Model}: {Outcome}, job {JobId}, {Images} images")]
    public static partial void ScheduledRun(
        ILogger logger,
        string model,
        ReembedOutcome outcome,
        Guid? jobId,
        int images);

    [LoggerMessage(6003, LogLevel.Error, "Scheduled re-embedding with {Model} failed; next at {Next}")]
    public static partial void ScheduledRunFailed(
        ILogger logger,
        Exception exception,
        string model,
        DateTimeOffset? next);
}
