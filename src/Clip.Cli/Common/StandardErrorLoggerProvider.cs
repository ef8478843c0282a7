using Microsoft.Extensions.Logging;

namespace Clip.Cli.Common;

/// <summary>Hands out <see cref="StandardErrorLogger"/>s to a host's logging.</summary>
internal sealed class StandardErrorLoggerProvider(bool verbose) : ILoggerProvider
{
    private readonly StandardErrorLogger _logger = new(verbose);

    public ILogger CreateLogger(string categoryName) => _logger;

    public void Dispose()
    {
    }
}
