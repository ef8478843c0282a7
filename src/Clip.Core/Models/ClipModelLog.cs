using Microsoft.Extensions.Logging;

namespace Clip.Core.Models;

/// <summary>Log messages of model loading. Event ids 1100-1199 belong to this area.</summary>
internal static partial class ClipModelLog
{
    [LoggerMessage(
        EventId = 1101,
        Level = LogLevel.Information,
        Message = "Model {ModelName} loaded ({Layout}, {Dimension}-d embeddings) on the {Provider} execution provider")]
    public static partial void Loaded(
        ILogger logger,
        string modelName,
        ClipModelLayout layout,
        int dimension,
        ClipExecutionProvider provider);

    [LoggerMessage(
        EventId = 1102,
        Level = LogLevel.Information,
        Message = "Model {ModelName} loaded ({Layout}, {Dimension}-d embeddings) on the {Provider} execution " +
            "provider because CUDA could not be used: {Reason}")]
    public static partial void LoadedAfterCudaFallback(
        ILogger logger,
        string modelName,
        ClipModelLayout layout,
        int dimension,
        ClipExecutionProvider provider,
        string reason);
}
