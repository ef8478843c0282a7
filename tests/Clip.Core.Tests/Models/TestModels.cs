using Clip.Core.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clip.Core.Tests.Models;

/// <summary>Loads test model folders on the CPU unless told otherwise.</summary>
internal static class TestModels
{
    public static ClipModel Load(string directory, ClipModelOptions? options = null, ILogger? logger = null) =>
        ClipModel.Load(
            directory,
            options ?? new ClipModelOptions { ExecutionProvider = ExecutionProviderPreference.Cpu },
            logger ?? NullLogger.Instance);

    public static ClipModelException LoadFails(string directory) =>
        Assert.Throws<ClipModelException>(() => Load(directory).Dispose());
}
